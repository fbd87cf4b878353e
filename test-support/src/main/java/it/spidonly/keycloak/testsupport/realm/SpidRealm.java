package it.spidonly.keycloak.testsupport.realm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one realm description used by the integration tests, the benchmarks and docker compose: a ministry realm with
 * the SPID service provider, the SPID test IdP as a SPID identity provider and a public OIDC app with PKCE.
 * Placeholders in {@code realms/spid-realm-template.json} are filled from the builder. The template holds exactly
 * what docs/admin-guide.md's REST steps 1–4 and 6 give a realm (the SPID IdP as "import-config" answers for the test
 * IdP's metadata, Keycloak's default key providers), nothing more: {@code TemplateMatchesAdminPathIT} compares them.
 */
public final class SpidRealm {
    private final Map<String, String> values = new LinkedHashMap<>();

    private SpidRealm(String realm) {
        values.put("REALM", realm);
        values.put("SP_ENTITY_ID", "https://spid-only.example/" + realm);
        values.put("APP_REDIRECT_URI", "http://127.0.0.1:1/callback");
        values.put("IDP_POST_BINDING", "true");
        values.put("LOGIN_THEME", "spid-only");
    }

    public static SpidRealm named(String realm) {
        return new SpidRealm(realm);
    }

    public SpidRealm testIdp(String baseUrl, String entityId, String signingCertificateBase64) {
        values.put("IDP_BASE_URL", baseUrl);
        values.put("IDP_ENTITY_ID", entityId);
        values.put("IDP_CERT", signingCertificateBase64);
        return this;
    }

    public SpidRealm spEntityId(String entityId) {
        values.put("SP_ENTITY_ID", entityId);
        return this;
    }

    public SpidRealm appRedirectUri(String redirectUri) {
        values.put("APP_REDIRECT_URI", redirectUri);
        return this;
    }

    /** HTTP-POST (true) or HTTP-Redirect (false) binding for the AuthnRequest to the test IdP. */
    public SpidRealm postBindingAuthnRequest(boolean post) {
        values.put("IDP_POST_BINDING", String.valueOf(post));
        return this;
    }

    /** The realm's login theme, e.g. {@code keycloak.v2} for tests of server behaviour independent of our theme. */
    public SpidRealm loginTheme(String theme) {
        values.put("LOGIN_THEME", theme);
        return this;
    }

    public String realm() {
        return values.get("REALM");
    }

    public String spEntityId() {
        return values.get("SP_ENTITY_ID");
    }

    public String toJson() {
        String json = template();
        for (Map.Entry<String, String> e : values.entrySet()) {
            json = json.replace("${" + e.getKey() + "}", e.getValue());
        }
        if (json.contains("${IDP_")) {
            throw new IllegalStateException("Call testIdp(...) before toJson(): the realm needs the test IdP's URL and certificate");
        }
        return json;
    }

    private static String template() {
        try (InputStream in = SpidRealm.class.getResourceAsStream("/realms/spid-realm-template.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
