package it.spidonly.keycloak.cie.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Ministry of the Interior's two CIE environments (CIE SAML rules, "Federazione"; the Ministry's IdP metadata,
 * see {@code cie/PROVENANCE.md}). The entityID is the HTTP-POST SSO URL; both carry the same signing certificate.
 */
public enum CieEnvironment {
    PRODUCTION("production", "https://idserver.servizicie.interno.gov.it"),
    PREPRODUCTION("preproduction", "https://preproduzione.idserver.servizicie.interno.gov.it");

    static final String CERTIFICATE_RESOURCE = "cie/cie-idp-signing.pem";

    private final String key;
    private final String host;

    CieEnvironment(String key, String host) {
        this.key = key;
        this.host = host;
    }

    /** "production", "preproduction"; anything else (e.g. "custom") is no preset. */
    public static Optional<CieEnvironment> parse(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }

    public String key() {
        return key;
    }

    public String entityId() {
        return singleSignOnPostUrl();
    }

    public String singleSignOnPostUrl() {
        return host + "/idp/profile/SAML2/POST/SSO";
    }

    public String singleSignOnRedirectUrl() {
        return host + "/idp/profile/SAML2/Redirect/SSO";
    }

    /** The HTTP-Redirect SLO (the IdP ends its own session and never answers: CIE SAML rules, "Logout"). */
    public String singleLogoutRedirectUrl() {
        return host + "/idp/profile/SAML2/Redirect/SLO";
    }

    /** The signing certificate as Keycloak stores IdP certificates: base64 DER, no PEM armour. */
    public String signingCertificateBase64() {
        try (InputStream in = CieEnvironment.class.getClassLoader().getResourceAsStream(CERTIFICATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + CERTIFICATE_RESOURCE);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
