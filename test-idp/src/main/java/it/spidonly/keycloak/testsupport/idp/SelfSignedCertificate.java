package it.spidonly.keycloak.testsupport.idp;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Creates a self-signed X.509 v3 certificate (SHA256withRSA, or SHA256withECDSA for an EC key; key usage
 * digitalSignature + nonRepudiation), as test credentials for the test IdP and for fake service providers.
 */
final class SelfSignedCertificate {

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String COUNTRY = "2.5.4.6";
    private static final String KEY_USAGE = "2.5.29.15";

    private SelfSignedCertificate() {
    }

    static X509Certificate create(KeyPair keyPair, String commonName, Duration validity) {
        boolean ec = "EC".equals(keyPair.getPublic().getAlgorithm());
        if (!ec && !"RSA".equals(keyPair.getPublic().getAlgorithm())) {
            throw new IllegalArgumentException("Only RSA and EC keys are supported, got " + keyPair.getPublic().getAlgorithm());
        }
        try {
            // RFC 5758: the ECDSA AlgorithmIdentifier has no parameters; RFC 4055: RSA's has NULL
            byte[] algorithm = ec ? Der.sequence(Der.objectIdentifier(SHA256_WITH_ECDSA))
                    : Der.sequence(Der.objectIdentifier(SHA256_WITH_RSA), Der.nullValue());
            byte[] tbs = tbsCertificate(keyPair, commonName, validity, algorithm);
            Signature signer = Signature.getInstance(ec ? "SHA256withECDSA" : "SHA256withRSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(tbs);
            byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign(), 0));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a self-signed certificate", e);
        }
    }

    private static byte[] tbsCertificate(KeyPair keyPair, String commonName, Duration validity, byte[] algorithm) {
        Instant notBefore = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        byte[] name = Der.sequence(
                rdn(COUNTRY, Der.printableString("IT")),
                rdn(ORGANIZATION, Der.utf8String("spid-only-keycloak tests")),
                rdn(COMMON_NAME, Der.utf8String(commonName)));
        return Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(64, new SecureRandom()).add(BigInteger.ONE)),
                algorithm,
                name,
                Der.sequence(Der.time(notBefore), Der.time(notBefore.plus(validity))),
                name,
                keyPair.getPublic().getEncoded(),
                Der.explicit(3, Der.sequence(keyUsage())));
    }

    private static byte[] rdn(String type, byte[] value) {
        return Der.set(Der.sequence(Der.objectIdentifier(type), value));
    }

    /** digitalSignature (bit 0) and nonRepudiation (bit 1): 0b11000000 with 6 unused bits. */
    private static byte[] keyUsage() {
        byte[] bits = Der.bitString(new byte[] {(byte) 0xC0}, 6);
        return Der.sequence(Der.objectIdentifier(KEY_USAGE), Der.bool(true), Der.octetString(bits));
    }
}
