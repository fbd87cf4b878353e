package it.spidonly.keycloak.testsupport.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/** The test trust anchor's federation endpoints over HTTP, as an RP or OP calls them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestTrustAnchorTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private TestTrustAnchor anchor;
    private TestTrustAnchorEntity op;
    private final String rp = "https://rp.example/oidc";

    @BeforeAll
    void start() {
        anchor = TestTrustAnchor.start();
        op = anchor.entity("op", "openid_provider");
        anchor.enrol(rp, TestTrustAnchorSigner.generate().jwksJson(), "openid_relying_party", List.of());
    }

    @AfterAll
    void stop() {
        anchor.close();
    }

    @Test
    void entityConfigurationIsSelfSignedWithTheFederationEndpoints() throws Exception {
        HttpResponse<String> ec = get("/.well-known/openid-federation");
        assertEquals("application/entity-statement+jwt", ec.headers().firstValue("Content-Type").orElse(""));
        JsonNode claims = claims(ec.body());
        assertEquals(anchor.entityId(), claims.path("iss").asText());
        assertEquals(anchor.entityId() + "/fetch", claims.path("metadata").path("federation_entity").path("federation_fetch_endpoint").asText());
        assertTrue(claims.path("trust_mark_issuers").has(anchor.trustMarkId("openid_provider")));
    }

    @Test
    void fetchAnswersTheStatementPinningTheSubordinatesKeys() throws Exception {
        JsonNode claims = claims(get("/fetch?sub=" + enc(op.entityId())).body());
        assertEquals(op.entityId(), claims.path("sub").asText());
        assertEquals(op.federationKey().kid(), claims.path("jwks").path("keys").get(0).path("kid").asText());
        assertEquals(404, get("/fetch?sub=" + enc("https://nobody.example")).statusCode());
    }

    @Test
    void listFiltersByEntityTypeAndTrustMarks() throws Exception {
        assertEquals("[\"" + op.entityId() + "\"]", get("/list?entity_type=openid_provider").body());
        assertEquals("[\"" + op.entityId() + "\"]", get("/list?trust_marked=true").body());
        assertEquals("[\"" + op.entityId() + "\"]", get("/list?trust_mark_type=" + enc(anchor.trustMarkId("openid_provider"))).body());
        assertTrue(get("/list").body().contains(rp));
        HttpResponse<String> unsupported = get("/list?intermediate=true");
        assertEquals(400, unsupported.statusCode());
        assertTrue(unsupported.body().contains("unsupported_parameter"));
    }

    @Test
    void trustMarkStatusInBothGenerations() throws Exception {
        String id = anchor.trustMarkId("openid_provider");
        assertEquals("{\"active\":true}", post("id=" + enc(id) + "&sub=" + enc(op.entityId())).body());
        HttpResponse<String> status = post("trust_mark=" + enc(anchor.issueTrustMark(op.entityId(), id)));
        assertEquals("application/trust-mark-status-response+jwt", status.headers().firstValue("Content-Type").orElse(""));
        assertEquals("active", claims(status.body()).path("status").asText());
    }

    @Test
    void resolveAnswersTheSubjectsMetadataAndChain() throws Exception {
        HttpResponse<String> resolved = get("/resolve?sub=" + enc(op.entityId()) + "&trust_anchor=" + enc(anchor.entityId()));
        JsonNode claims = claims(resolved.body());
        assertEquals(op.entityId() + "/token", claims.path("metadata").path("openid_provider").path("token_endpoint").asText());
        assertEquals(3, claims.path("trust_chain").size());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(anchor.entityId() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(anchor.entityId() + "/trust_mark_status"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String jwt) throws Exception {
        return TestTrustAnchorSigner.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
