package it.spidonly.keycloak.eidas.node;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * A key that may sign eIDAS messages (eIDAS Cryptographic Requirements v1.2, 2.2): RSA of at least 3072 bits, signing
 * with RSASSA-PSS SHA-256, or EC of at least 256 bits (P-256 and up), signing with ECDSA SHA-256.
 */
public record EidasSigningKey(PrivateKey privateKey, X509Certificate certificate) {
    public EidasSigningKey {
        if (!strongEnough(certificate.getPublicKey())) {
            throw new IllegalArgumentException("eIDAS needs an RSA key of at least " + EidasAlgorithms.MIN_RSA_BITS
                    + " bits or an EC key of at least " + EidasAlgorithms.MIN_EC_BITS + " bits");
        }
    }

    /** The signature algorithm URI for this key. */
    public String signatureAlgorithm() {
        return certificate.getPublicKey() instanceof ECPublicKey ? EidasAlgorithms.ECDSA_SHA256 : EidasAlgorithms.RSA_PSS_SHA256;
    }

    /** Whether a key (e.g. the one a response was signed with) is strong enough for eIDAS. */
    public static boolean strongEnough(PublicKey key) {
        return bits(key).map(bits -> key instanceof RSAPublicKey ? bits >= EidasAlgorithms.MIN_RSA_BITS : bits >= EidasAlgorithms.MIN_EC_BITS)
                .orElse(false);
    }

    private static Optional<Integer> bits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return Optional.of(rsa.getModulus().bitLength());
        }
        if (key instanceof ECPublicKey ec) {
            return Optional.of(ec.getParams().getOrder().bitLength());
        }
        return Optional.empty();
    }
}
