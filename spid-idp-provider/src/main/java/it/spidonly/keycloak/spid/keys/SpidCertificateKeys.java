package it.spidonly.keycloak.spid.keys;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's keys made by "SPID SP certificate" key providers ({@link #PROVIDER_ID}): the active one is the SP's
 * signing key unless the SP settings name another; the passive ones are the next keys the SP metadata already
 * publishes, so that IdPs and AgID know a key before it signs (rotation without a gap).
 */
public final class SpidCertificateKeys {
    public static final String PROVIDER_ID = "spid-sp-certificate";

    private SpidCertificateKeys() {
    }

    /** The active SPID-profile key with the highest priority, if the realm has one. */
    public static Optional<KeyWrapper> active(KeycloakSession session, RealmModel realm) {
        return ours(session, realm).filter(k -> k.getStatus() == KeyStatus.ACTIVE)
                .max(Comparator.comparingLong((KeyWrapper k) -> k.getProviderPriority()).thenComparing(KeyWrapper::getKid));
    }

    /** The passive SPID-profile keys other than the signing key, in kid order (the metadata's order). */
    public static Stream<KeyWrapper> next(KeycloakSession session, RealmModel realm, String signingKid) {
        return ours(session, realm).filter(k -> k.getStatus() == KeyStatus.PASSIVE)
                .filter(k -> !k.getKid().equals(signingKid))
                .sorted(Comparator.comparing(KeyWrapper::getKid));
    }

    private static Stream<KeyWrapper> ours(KeycloakSession session, RealmModel realm) {
        Set<String> providers = realm.getComponentsStream(realm.getId(), KeyProvider.class.getName())
                .filter(c -> PROVIDER_ID.equals(c.getProviderId()))
                .map(c -> c.getId()).collect(Collectors.toSet());
        if (providers.isEmpty()) {
            return Stream.empty();
        }
        return session.keys().getKeysStream(realm)
                .filter(k -> providers.contains(k.getProviderId()))
                .filter(k -> KeyUse.SIG.equals(k.getUse()) && KeyType.RSA.equals(k.getType()) && k.getCertificate() != null);
    }
}
