package it.spidonly.keycloak.oidcfed.entity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's federation keys: the keys of its {@value #PROVIDER_ID} key providers, selected by provider and never by
 * Keycloak's "active key for RS256" (which picks the realm's protocol keys). They sign the entity configuration and
 * the resolve responses only (SPID/CIE OIDC Federation, entity_configuration: federation keys differ from the core keys).
 */
public final class FederationKeys {
    public static final String PROVIDER_ID = "oidcfed-federation-key";

    private FederationKeys() {
    }

    /** Every enabled federation key (active and passive), published in the entity configuration's {@code jwks}. */
    public static List<KeyWrapper> published(KeycloakSession session, RealmModel realm) {
        Set<String> ours = componentIds(realm);
        return session.keys().getKeysStream(realm)
                .filter(k -> ours.contains(k.getProviderId()) && k.getStatus().isEnabled() && k.getPublicKey() != null)
                .sorted(Comparator.comparingLong(KeyWrapper::getProviderPriority).reversed())
                .toList();
    }

    /** The federation key that signs: the active one of the highest priority. */
    public static Optional<KeyWrapper> signing(KeycloakSession session, RealmModel realm) {
        return published(session, realm).stream().filter(k -> k.getStatus() == KeyStatus.ACTIVE && k.getPrivateKey() != null)
                .findFirst();
    }

    static Set<String> componentIds(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), KeyProvider.class.getName())
                .filter(c -> PROVIDER_ID.equals(c.getProviderId()))
                .map(c -> c.getId()).collect(Collectors.toSet());
    }
}
