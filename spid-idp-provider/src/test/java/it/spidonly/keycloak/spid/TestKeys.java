package it.spidonly.keycloak.spid;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.saml.SignatureAlgorithm;

import it.spidonly.keycloak.spid.keys.SpidSigningKey;

/** The unit tests' SP key (src/test/resources/keys, public test material). */
public final class TestKeys {
    private TestKeys() {
    }

    public static X509Certificate certificate() {
        try (InputStream in = TestKeys.class.getResourceAsStream("/keys/sp-test-cert.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey privateKey() {
        try (InputStream in = TestKeys.class.getResourceAsStream("/keys/sp-test-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static SpidSigningKey signingKey(SignatureAlgorithm algorithm) {
        KeyWrapper key = new KeyWrapper();
        key.setKid("test-kid");
        key.setUse(KeyUse.SIG);
        key.setType(KeyType.RSA);
        key.setStatus(KeyStatus.ACTIVE);
        key.setCertificate(certificate());
        key.setPublicKey(certificate().getPublicKey());
        key.setPrivateKey(privateKey());
        return SpidSigningKey.of(key, algorithm);
    }
}
