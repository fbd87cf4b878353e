package it.spidonly.keycloak.testsupport.idp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * A signing key pair and the X.509 certificate published for it (in IdP metadata, in ds:KeyInfo).
 *
 * @param keyPair     the RSA key pair
 * @param certificate the certificate of {@code keyPair.getPublic()}
 */
public record SigningCredential(KeyPair keyPair, X509Certificate certificate) {

    private static final String DEMO_KEY = "/spid-test-idp/demo-idp-key.pem";
    private static final String DEMO_CERT = "/spid-test-idp/demo-idp-cert.pem";

    public SigningCredential {
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The fixed demo key committed under {@code spid-test-idp/}: public, never a trust anchor. */
    public static SigningCredential demo() {
        return fromPem(classpathText(DEMO_KEY), classpathText(DEMO_CERT));
    }

    /** A fresh RSA 3072 key pair with a self-signed certificate valid for one year. */
    public static SigningCredential generate(String commonName) {
        return generate(commonName, 3072);
    }

    /** A fresh RSA key pair of {@code keyBits} bits with a self-signed certificate valid for one year. */
    public static SigningCredential generate(String commonName, int keyBits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(keyBits);
            KeyPair keyPair = generator.generateKeyPair();
            return new SigningCredential(keyPair, SelfSignedCertificate.create(keyPair, commonName, Duration.ofDays(365)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    /** A fresh RSA key pair of {@code bits} (e.g. 2048, to test that eIDAS refuses it) with a self-signed certificate. */
    public static SigningCredential generateRsa(String commonName, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair keyPair = generator.generateKeyPair();
            return new SigningCredential(keyPair, SelfSignedCertificate.create(keyPair, commonName, Duration.ofDays(365)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key pair", e);
        }
    }

    /** A fresh EC P-256 key pair (eIDAS ECDSA signatures) with a self-signed certificate (SHA256withECDSA). */
    public static SigningCredential generateEcP256(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            return new SigningCredential(keyPair, SelfSignedCertificate.create(keyPair, commonName, Duration.ofDays(365)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an EC key pair", e);
        }
    }

    /**
     * Reads an unencrypted PKCS#8 RSA private key ({@code -----BEGIN PRIVATE KEY-----}) and its certificate.
     */
    public static SigningCredential fromPem(String privateKeyPem, String certificatePem) {
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
            String base64 = privateKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new SigningCredential(new KeyPair(certificate.getPublicKey(), privateKey), certificate);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read the PEM key or certificate", e);
        }
    }

    /** The certificate as base64 DER without PEM armour, as in {@code ds:X509Certificate}. */
    public String certificateBase64() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as PEM, as an admin pastes it into a form. */
    public String certificatePem() {
        return "-----BEGIN CERTIFICATE-----\n" + certificateBase64().replaceAll("(.{64})", "$1\n")
                + "\n-----END CERTIFICATE-----\n";
    }

    private static String classpathText(String resource) {
        try (InputStream in = SigningCredential.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
