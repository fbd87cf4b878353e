package it.spidonly.keycloak.eidas.ficep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * FICEP's two public environments (AgID, "eidas-italian-node": CONNESSIONE_AMBIENTE_QA.md and the production
 * metadata of 2023-11-03). The certificates are the metadata-signing ones AgID published, shipped in
 * {@code ficep/} with their provenance (see the module README): the production one expired on 2024-10-27, so an
 * admin must put FICEP's current certificate in the IdP (or import its current metadata). The QA SSO and SLO URLs
 * follow the production paths on the pre-production host (AgID publishes only the QA metadata URL).
 */
public enum FicepEnvironment {
    PRODUCTION("production", "https://sp-proxy.eid.gov.it/spproxy/idpit", "https://sp-proxy.eid.gov.it/spproxy/samlsso",
            "https://sp-proxy.eid.gov.it/spproxy/samlslo", "ficep/ficep-prod-idp-metadata-signing-cert_2023-11-03.pem"),
    QA("qa", "https://sp-proxy.pre.eid.gov.it/spproxy/idpit", "https://sp-proxy.pre.eid.gov.it/spproxy/samlsso",
            "https://sp-proxy.pre.eid.gov.it/spproxy/samlslo", "ficep/ficep-qa-idp-metadata-signing-cert.pem");

    private final String key;
    private final String entityId;
    private final String singleSignOnUrl;
    private final String singleLogoutUrl;
    private final String certificateResource;

    FicepEnvironment(String key, String entityId, String singleSignOnUrl, String singleLogoutUrl, String certificateResource) {
        this.key = key;
        this.entityId = entityId;
        this.singleSignOnUrl = singleSignOnUrl;
        this.singleLogoutUrl = singleLogoutUrl;
        this.certificateResource = certificateResource;
    }

    /** "production", "qa"; anything else (e.g. "custom") is no preset. */
    public static Optional<FicepEnvironment> parse(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }

    public String key() {
        return key;
    }

    public String entityId() {
        return entityId;
    }

    public String singleSignOnUrl() {
        return singleSignOnUrl;
    }

    public String singleLogoutUrl() {
        return singleLogoutUrl;
    }

    /** The certificate as Keycloak stores IdP certificates: base64 DER, no PEM armour. */
    public String certificateBase64() {
        try (InputStream in = FicepEnvironment.class.getClassLoader().getResourceAsStream(certificateResource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + certificateResource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
