package it.spidonly.keycloak.oidcfed.trust;

import java.io.IOException;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Resolved chains, cluster-wide in Keycloak's {@link SingleUseObjectProvider} (replicated in a cluster), each kept
 * until {@link #MARGIN_SECONDS} before the chain's {@code exp} and refreshed after {@link #refreshAt} (OpenID
 * Federation §trust_lifetime; the SPID/CIE rules refresh trust-anchor data daily). Never in static or local maps.
 */
final class ChainCache {
    static final long MARGIN_SECONDS = 60;
    static final long MAX_AGE_SECONDS = 86_400;
    private static final String PREFIX = "oidcfed-chain:";

    private final KeycloakSession session;

    ChainCache(KeycloakSession session) {
        this.session = session;
    }

    /** A cached chain and when it should be refreshed. */
    record Entry(ResolvedEntity entity, long refreshAt) {
    }

    Entry get(RealmModel realm, String entityId) {
        Map<String, String> notes = store().get(key(realm, entityId));
        if (notes == null || !notes.containsKey("entity")) {
            return null;
        }
        try {
            ResolvedEntity entity = SignedStatement.JSON.readValue(notes.get("entity"), ResolvedEntity.class);
            return new Entry(entity, Long.parseLong(notes.get("refreshAt")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void put(RealmModel realm, ResolvedEntity entity, long now) {
        long lifespan = entity.expiresAt() - MARGIN_SECONDS - now;
        if (lifespan <= 0) {
            return;
        }
        long refreshAt = now + Math.min(MAX_AGE_SECONDS, Math.max(1, (lifespan * 4) / 5));
        try {
            String json = SignedStatement.JSON.writeValueAsString(entity);
            String key = key(realm, entity.entityId());
            store().remove(key);
            store().put(key, lifespan, Map.of("entity", json, "refreshAt", Long.toString(refreshAt)));
        } catch (IOException e) {
            // not cached: the next login resolves again
        }
    }

    void remove(RealmModel realm, String entityId) {
        store().remove(key(realm, entityId));
    }

    private SingleUseObjectProvider store() {
        return session.singleUseObjects();
    }

    private static String key(RealmModel realm, String entityId) {
        return PREFIX + realm.getId() + ":" + entityId;
    }
}
