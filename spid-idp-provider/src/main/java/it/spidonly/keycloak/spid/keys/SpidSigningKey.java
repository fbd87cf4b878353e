package it.spidonly.keycloak.spid.keys;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.SignatureAlgorithm;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * The key and certificate the SP signs its metadata and AuthnRequests with, taken from the realm's keys
 * (Keycloak's key providers: a "SPID SP certificate" key, generated, or an imported SPID-profile certificate).
 * Never a copy. Without a key id in the SP settings: the active "SPID SP certificate" key, else the realm's active
 * RS256 key.
 */
public final class SpidSigningKey {
    private final KeyWrapper key;
    private final SignatureAlgorithm algorithm;

    private SpidSigningKey(KeyWrapper key, SignatureAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    public static SpidSigningKey resolve(KeycloakSession session, RealmModel realm, SpidServiceProviderConfig sp) {
        KeyWrapper key = find(session, realm, sp)
                .orElseThrow(() -> new IllegalStateException("No usable RSA signing key with a certificate in realm " + realm.getName()));
        return new SpidSigningKey(key, SignatureAlgorithm.valueOf(sp.signatureAlgorithm()));
    }

    /** A key already at hand (tests, tools); in Keycloak use {@link #resolve}. */
    public static SpidSigningKey of(KeyWrapper key, SignatureAlgorithm algorithm) {
        return new SpidSigningKey(key, algorithm);
    }

    /** Says what is wrong with the configured key, for the admin; empty when the key is usable. */
    public static Optional<Problem> problem(KeycloakSession session, RealmModel realm, SpidServiceProviderConfig sp) {
        if (find(session, realm, sp).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(sp.signingKeyId() == null ? Problem.of("spidSpNoActiveKey") : Problem.of("spidSpUnknownKey", sp.signingKeyId()));
    }

    private static Optional<KeyWrapper> find(KeycloakSession session, RealmModel realm, SpidServiceProviderConfig sp) {
        if (sp.signingKeyId() == null) {
            return SpidCertificateKeys.active(session, realm).filter(SpidSigningKey::usable)
                    .or(() -> Optional.ofNullable(session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.RS256)).filter(SpidSigningKey::usable));
        }
        return session.keys().getKeysStream(realm)
                .filter(k -> sp.signingKeyId().equals(k.getKid()))
                .filter(SpidSigningKey::usable)
                .findFirst();
    }

    private static boolean usable(KeyWrapper k) {
        return KeyUse.SIG.equals(k.getUse()) && KeyType.RSA.equals(k.getType()) && k.getCertificate() != null
                && k.getPrivateKey() != null && k.getStatus() != null && k.getStatus().isEnabled();
    }

    public String kid() {
        return key.getKid();
    }

    public PrivateKey privateKey() {
        return (PrivateKey) key.getPrivateKey();
    }

    public PublicKey publicKey() {
        return (PublicKey) key.getPublicKey();
    }

    public KeyPair keyPair() {
        return new KeyPair(publicKey(), privateKey());
    }

    /** The certificates of the next keys to publish beside this one ({@link SpidCertificateKeys#next}). */
    public static List<X509Certificate> nextCertificates(KeycloakSession session, RealmModel realm, SpidSigningKey signing) {
        return SpidCertificateKeys.next(session, realm, signing.kid()).map(KeyWrapper::getCertificate).toList();
    }

    public X509Certificate certificate() {
        return key.getCertificate();
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }
}
