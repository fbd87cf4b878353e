package it.spidonly.keycloak.it.oidcfed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchor;

/**
 * A realm made a SPID/CIE OIDC Federation relying party exactly as docs/oidc-federation.md ("Set up with the admin
 * REST API") tells an admin, from an empty realm: the SPID SP (organisation), then the relying-party component with
 * the trust anchor and its pinned keys, then onboarding: the federation keys from the entity configuration go to the
 * trust anchor, which issues the trust mark, and the trust mark goes into the settings.
 */
final class OidcFederationRealm implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String RP_TYPE = "openid_relying_party";

    final AdminGuideRealm realm;
    final TestTrustAnchor anchor;
    final String componentId;

    private OidcFederationRealm(AdminGuideRealm realm, TestTrustAnchor anchor, String componentId) {
        this.realm = realm;
        this.anchor = anchor;
        this.componentId = componentId;
    }

    /** Steps 1–3 (empty realm, realm settings, SPID SP), then the relying party and its onboarding. */
    static OidcFederationRealm create(KeycloakServer keycloak, String prefix, TestTrustAnchor anchor) {
        AdminGuideRealm realm = AdminGuideRealm.empty(keycloak, prefix, TestUser.demoUsers()).realmSettings().serviceProvider();
        String id = realm.admin().create("/" + realm.name + "/components", Map.of("name", "OIDC federation relying party",
                "providerId", "oidcfed-relying-party", "providerType", "org.keycloak.services.ui.extend.UiPageProvider",
                "parentId", realm.realmId(), "config", settings(anchor)));
        OidcFederationRealm rp = new OidcFederationRealm(realm, anchor, id);
        rp.onboard();
        return rp;
    }

    /** The settings an admin enters (the trust anchor's entity id and JWK Set on one line). */
    static Map<String, List<String>> settings(TestTrustAnchor anchor) {
        Map<String, List<String>> config = new LinkedHashMap<>();
        config.put("homepageUri", List.of("https://www.lavoro.gov.it"));
        config.put("policyUri", List.of("https://www.lavoro.gov.it/privacy"));
        config.put("logoUri", List.of("https://www.lavoro.gov.it/logo.svg"));
        config.put("contacts", List.of("spid@pec.lavoro.example"));
        config.put("trustAnchors", List.of(anchor.entityId() + " " + anchor.jwksJson()));
        return config;
    }

    /** Onboarding: the trust anchor enrols our federation keys and issues our trust mark, which the admin saves. */
    private void onboard() {
        JsonNode federationKeys = Jws.parse(entityConfiguration().body()).claims().get("jwks");
        List<String> marks = anchor.enrol(entityId(), federationKeys.toString(), RP_TYPE, List.of(anchor.trustMarkId(RP_TYPE)));
        ObjectNode component = admin().get("/" + realm.name + "/components/" + componentId).deepCopy();
        ((ObjectNode) component.get("config")).putArray("trustMarks").add(marks.get(0));
        admin().put("/" + realm.name + "/components/" + componentId, component);
    }

    KeycloakAdmin admin() {
        return realm.admin();
    }

    /** The default entity id: {@code {keycloak}/realms/{realm}/oidc-federation}. */
    String entityId() {
        return realm.realmUrl() + "/oidc-federation";
    }

    HttpResponse<String> entityConfiguration() {
        return get(entityId() + "/.well-known/openid-federation");
    }

    static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /admin/realms/{realm}/oidc-federation/resolve?sub=...} in {@code language}. */
    HttpResponse<String> adminResolve(String sub, boolean fresh, String language) {
        String url = realm.keycloak.baseUrl() + "/admin/realms/" + realm.name + "/oidc-federation/resolve?sub="
                + java.net.URLEncoder.encode(sub, java.nio.charset.StandardCharsets.UTF_8) + (fresh ? "&fresh=true" : "");
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin().accessToken())
                    .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        realm.close();
    }
}
