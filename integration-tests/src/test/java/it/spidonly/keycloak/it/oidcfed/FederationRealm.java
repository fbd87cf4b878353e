package it.spidonly.keycloak.it.oidcfed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.oidcfed.TestOp;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchor;

/**
 * A realm set up for SPID/CIE over OIDC Federation only through the admin REST API, as docs/oidc-federation.md says,
 * from an empty realm ({@link AdminGuideRealm}'s first steps: realm settings, the SPID SP, the app): the federation key,
 * the relying-party settings with the pinned trust anchor, the RP's enrolment at the trust anchor (its trust mark saved
 * back), then the OP list refresh. A test trust anchor and a test OP (enrolled with its trust mark) run beside it.
 */
final class FederationRealm implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final AdminGuideRealm realm;
    final TestTrustAnchor trustAnchor;
    final TestOp op;
    final String providerId;
    private String rpSettingsId;

    private FederationRealm(AdminGuideRealm realm, TestTrustAnchor trustAnchor, TestOp op, String providerId) {
        this.realm = realm;
        this.trustAnchor = trustAnchor;
        this.op = op;
        this.providerId = providerId;
    }

    /** Every step, with the OPs listed as {@code providerId} ({@code spid-oidc} or {@code cie-oidc}). */
    static FederationRealm create(KeycloakServer keycloak, String prefix, String providerId) {
        AdminGuideRealm realm = AdminGuideRealm.empty(keycloak, prefix, TestUser.demoUsers()).realmSettings().serviceProvider().app();
        TestTrustAnchor ta = TestTrustAnchor.start();
        TestOp op = TestOp.start(ta.entityId(), TestUser.demoUsers());
        op.enrolAt(ta);
        FederationRealm fed = new FederationRealm(realm, ta, op, providerId);
        fed.federationKey().relyingParty().enrolAtTrustAnchor().refreshOps();
        return fed;
    }

    String name() {
        return realm.name;
    }

    String rpEntityId() {
        return realm.realmUrl() + "/oidc-federation";
    }

    /** The IdP alias the OP list refresh gives {@link #op}. */
    String alias() {
        return alias(op);
    }

    String alias(TestOp other) {
        URI uri = URI.create(other.entityId());
        return providerId + "-" + (uri.getHost() + "-" + uri.getPort() + uri.getPath()).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /**
     * Guide step: the federation key ({@code POST .../components}, key provider {@code oidcfed-federation-key}, a
     * negative priority so Keycloak never signs tokens with it).
     */
    FederationRealm federationKey() {
        realm.admin().create("/" + name() + "/components", Map.of("name", "OIDC federation key", "providerId", "oidcfed-federation-key",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realm.realmId(), "config", Map.of("priority", List.of("-100"))));
        return this;
    }

    /** Guide step: the relying-party settings with the trust anchor's entity id and its pinned keys. */
    FederationRealm relyingParty() {
        rpSettingsId = realm.admin().create("/" + name() + "/components", Map.of("name", "OIDC federation relying party",
                "providerId", "oidcfed-relying-party", "providerType", "org.keycloak.services.ui.extend.UiPageProvider",
                "parentId", realm.realmId(), "config", rpSettings(null)));
        return this;
    }

    private Map<String, List<String>> rpSettings(String trustMark) {
        Map<String, List<String>> config = new LinkedHashMap<>();
        config.put("trustAnchors", List.of(trustAnchor.entityId() + " " + trustAnchor.jwksJson()));
        config.put("contacts", List.of("federazione@lavoro.example"));
        if (trustMark != null) {
            config.put("trustMarks", List.of(trustMark));
        }
        return config;
    }

    /**
     * Guide step: send the RP's entity id and federation keys (from its entity configuration) to the trust anchor, which
     * enrols it and issues its trust mark; the mark goes into the settings.
     */
    FederationRealm enrolAtTrustAnchor() {
        JsonNode ec = entityConfiguration();
        List<String> marks = trustAnchor.enrol(rpEntityId(), ec.path("jwks").toString(), "openid_relying_party",
                List.of(trustAnchor.trustMarkId("openid_relying_party")));
        realm.admin().put("/" + name() + "/components/" + rpSettingsId, Map.of("id", rpSettingsId, "name", "OIDC federation relying party",
                "providerId", "oidcfed-relying-party", "providerType", "org.keycloak.services.ui.extend.UiPageProvider",
                "parentId", realm.realmId(), "config", rpSettings(marks.get(0))));
        return this;
    }

    /** Guide step: {@code POST .../oidc-federation/ops/refresh}: the OPs the trust anchor lists become IdPs. */
    JsonNode refreshOps() {
        return realm.admin().post("/" + name() + "/oidc-federation/ops/refresh",
                Map.of("trustAnchor", trustAnchor.entityId(), "providerId", providerId));
    }

    /** The RP's entity configuration's payload, read as an OP reads it. */
    JsonNode entityConfiguration() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(rpEntityId() + "/.well-known/openid-federation")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("entity configuration answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(Base64.getUrlDecoder().decode(answer.body().trim().split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The realm's {@code LOGIN_ERROR} events whose reason is {@code check}. */
    long loginErrors(String check) {
        long n = 0;
        for (JsonNode e : realm.events("LOGIN_ERROR")) {
            if (check.equals(e.path("details").path("reason").asText())) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        op.close();
        trustAnchor.close();
        realm.close();
    }
}
