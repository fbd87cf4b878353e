package it.spidonly.keycloak.oidcfed.trust;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Chains resolved before and still in the cluster-wide cache; never resolves (for the resolve endpoint). */
public final class CachedChains {
    private CachedChains() {
    }

    /** The cached chain of {@code entityId}, or null. */
    public static ResolvedEntity of(KeycloakSession session, RealmModel realm, String entityId) {
        ChainCache.Entry entry = new ChainCache(session).get(realm, entityId);
        return entry == null ? null : entry.entity();
    }
}
