package it.spidonly.keycloak.it.oidcfed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
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
 * from an empty realm: the relying party ({@link OidcFederationRealm}), the ministry's app, then the OP list refresh
 * ("Logging in with SPID and CIE over OIDC Federation"). A test trust anchor and a test OP (enrolled with its trust
 * mark) run beside it.
 */
final class FederationRealm implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final AdminGuideRealm realm;
    final TestTrustAnchor trustAnchor;
    final TestOp op;
    final String providerId;

    private FederationRealm(AdminGuideRealm realm, TestTrustAnchor trustAnchor, TestOp op, String providerId) {
        this.realm = realm;
        this.trustAnchor = trustAnchor;
        this.op = op;
        this.providerId = providerId;
    }

    /**
     * The relying party exactly as {@link OidcFederationRealm} sets it up (docs/oidc-federation.md: SPID SP, relying-party
     * settings with the pinned trust anchor, onboarding with the trust mark), the app, then the OP list refresh with the
     * OPs listed as {@code providerId} ({@code spid-oidc} or {@code cie-oidc}).
     */
    static FederationRealm create(KeycloakServer keycloak, String prefix, String providerId) {
        TestTrustAnchor ta = TestTrustAnchor.start();
        OidcFederationRealm rp = OidcFederationRealm.create(keycloak, prefix, ta);
        AdminGuideRealm realm = rp.realm.app();
        TestOp op = TestOp.start(ta.entityId(), TestUser.demoUsers());
        op.enrolAt(ta);
        FederationRealm fed = new FederationRealm(realm, ta, op, providerId);
        fed.refreshOps();
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
