package it.spidonly.keycloak.spid.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates a registry aggregate must be signed with: the PEM the admin gave (one or more, e.g. AgID's
 * current and next certificate during a key rollover), or AgID's registry certificate shipped in the bundle.
 */
final class RegistryTrust {
    static final String BUNDLED_CERTIFICATE = "/spid-registry/agid-spid-registry-metadata-signing_2024-06-25_2034-06-24.pem";

    private RegistryTrust() {
    }

    static List<X509Certificate> certificates(String pem) {
        if (pem.isBlank()) {
            try (InputStream in = RegistryTrust.class.getResourceAsStream(BUNDLED_CERTIFICATE)) {
                return parse(in.readAllBytes());
            } catch (IOException | CertificateException e) {
                throw new IllegalStateException("the bundled registry certificate is missing from the jar", e);
            }
        }
        try {
            List<X509Certificate> certificates = parse(pem.getBytes(StandardCharsets.US_ASCII));
            if (certificates.isEmpty()) {
                throw new RegistryRejected("spidRegistryCertificateInvalid", "no certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new RegistryRejected("spidRegistryCertificateInvalid", e.getClass().getSimpleName());
        }
    }

    private static List<X509Certificate> parse(byte[] pem) throws CertificateException {
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                .map(X509Certificate.class::cast).toList();
    }
}
