package it.spidonly.keycloak.spid.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.jboss.logging.Logger;
import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderEvent;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;

/**
 * The realm's IdPs by entityID, for the shared ACS and SLO (issue 19): one realm attribute per entityID,
 * {@code spid.idp.entity.<sha256 of the entityID, base64url>} = the aliases of the IdPs with that entityID
 * (comma-separated, in alias order). Realm attributes live in Keycloak's realm cache, which Keycloak invalidates on
 * every node of a cluster when one changes, and in the database: nothing of ours is held in memory, and every node
 * reads the same index.
 *
 * <p>A lookup reads the attribute (the cached realm) and each alias it names through Keycloak's cached IdP model
 * ({@code getByAlias}), and accepts an alias only if that IdP is enabled, speaks the SPID profile and has exactly
 * that entityID now: a stale entry can never choose the wrong IdP. When the entry is missing or stale (an IdP
 * created since, an import, an edit the events did not see), the database is asked once with Keycloak's own
 * query by config value (not every IdP streamed) and the entry is written, in a transaction of its own, so the next
 * response is O(1) again. Updates and removals of IdPs ({@link RealmModel.IdentityProviderUpdatedEvent},
 * {@link RealmModel.IdentityProviderRemovedEvent}) rewrite the affected entries in the admin's own transaction,
 * so an edited entityID is found under its new value at once.
 */
public final class EntityIdIndex {
    static final String PREFIX = "spid.idp.entity.";
    private static final Logger LOG = Logger.getLogger(EntityIdIndex.class);

    private EntityIdIndex() {
    }

    /** The alias of the enabled SPID-profile IdP of the session's realm whose entityID is {@code entityId}. */
    public static Optional<String> aliasFor(KeycloakSession session, String entityId) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null || entityId == null || entityId.isEmpty()) {
            return Optional.empty();
        }
        String key = key(entityId);
        String indexed = realm.getAttribute(key);
        Optional<String> hit = firstMatching(session, entityId, aliases(indexed));
        if (hit.isPresent()) {
            return hit;
        }
        // missing or stale entry: ask the database once by config value, and write the entry when it differs
        List<String> found = session.identityProviders()
                .getAllStream(IdentityProviderQuery.userAuthentication().with(SAMLIdentityProviderConfig.IDP_ENTITY_ID, entityId), null, null)
                .filter(idp -> entityId.equals(idp.getConfig().get(SAMLIdentityProviderConfig.IDP_ENTITY_ID)))
                .filter(idp -> SpidIdentityProviderFactory.speaksSpidProfile(session, idp.getProviderId()))
                .map(IdentityProviderModel::getAlias).sorted().toList();
        String value = found.isEmpty() ? null : String.join(",", found);
        if (!Objects.equals(indexed, value)) {
            repair(session.getKeycloakSessionFactory(), realm.getId(), key, value);
        }
        return firstMatching(session, entityId, found);
    }

    /** Keeps the index in step with IdP updates and removals (registered by {@code SpidResourceFactory.postInit}). */
    public static void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.IdentityProviderUpdatedEvent updated) {
            reindex(updated.getKeycloakSession(), updated.getRealm(), updated.getUpdatedIdentityProvider(), false);
        } else if (event instanceof RealmModel.IdentityProviderRemovedEvent removed) {
            reindex(removed.getKeycloakSession(), removed.getRealm(), removed.getRemovedIdentityProvider(), true);
        }
    }

    /** The attribute name for {@code entityId} (fixed length, whatever the entityID's length). */
    static String key(String entityId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entityId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static Optional<String> firstMatching(KeycloakSession session, String entityId, List<String> aliases) {
        for (String alias : aliases) {
            IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
            if (idp != null && idp.isEnabled() && entityId.equals(idp.getConfig().get(SAMLIdentityProviderConfig.IDP_ENTITY_ID))
                    && SpidIdentityProviderFactory.speaksSpidProfile(session, idp.getProviderId())) {
                return Optional.of(alias);
            }
        }
        return Optional.empty();
    }

    private static List<String> aliases(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> aliases = new ArrayList<>();
        for (String alias : value.split(",")) {
            if (!alias.isBlank()) {
                aliases.add(alias.trim());
            }
        }
        return aliases;
    }

    /**
     * After an update or removal of {@code idp}: the alias leaves every entry that names it (its entityID may have
     * changed) and, unless removed, joins the entry of its current entityID.
     */
    private static void reindex(KeycloakSession session, RealmModel realm, IdentityProviderModel idp, boolean removed) {
        if (realm == null || idp == null || idp.getAlias() == null) {
            return;
        }
        String alias = idp.getAlias();
        String entityId = idp.getConfig() == null ? null : idp.getConfig().get(SAMLIdentityProviderConfig.IDP_ENTITY_ID);
        boolean indexed = !removed && entityId != null && !entityId.isEmpty()
                && SpidIdentityProviderFactory.speaksSpidProfile(session, idp.getProviderId());
        String ownKey = indexed ? key(entityId) : null;
        for (Map.Entry<String, String> entry : Map.copyOf(realm.getAttributes()).entrySet()) {
            if (entry.getKey().startsWith(PREFIX) && !entry.getKey().equals(ownKey) && aliases(entry.getValue()).contains(alias)) {
                List<String> rest = new ArrayList<>(aliases(entry.getValue()));
                rest.remove(alias);
                write(realm, entry.getKey(), rest.isEmpty() ? null : String.join(",", rest));
            }
        }
        if (ownKey != null) {
            TreeSet<String> all = new TreeSet<>(aliases(realm.getAttribute(ownKey)));
            if (all.add(alias)) {
                write(realm, ownKey, String.join(",", all));
            }
        }
    }

    private static void write(RealmModel realm, String key, String value) {
        if (value == null) {
            realm.removeAttribute(key);
        } else {
            realm.setAttribute(key, value);
        }
    }

    /**
     * Writes one entry in a transaction of its own: two responses racing to write it never fail a login (the
     * loser's write is dropped; the entry is re-derived from the database at the next miss).
     */
    private static void repair(KeycloakSessionFactory factory, String realmId, String key, String value) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, s -> {
                RealmModel realm = s.realms().getRealm(realmId);
                if (realm != null) {
                    write(realm, key, value);
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("SPID IdP index entry %s not written (%s); it is re-derived at the next miss", key, e.getClass().getSimpleName());
        }
    }
}
