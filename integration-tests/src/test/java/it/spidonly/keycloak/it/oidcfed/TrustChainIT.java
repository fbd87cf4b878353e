package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchor;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchorBreakage;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchorEntity;

/**
 * Issue 20, Deliver 2: Keycloak's trust-chain resolver against the test trust anchor and entities it enrolled, through
 * the admin check {@code GET /admin/realms/{realm}/oidc-federation/resolve?sub=}: a good chain resolves (trust anchor,
 * verified trust mark, metadata after the policy); each broken chain is refused naming its check, in Italian and
 * English; a resolved chain is cached (served while the anchor misbehaves) until an admin asks for a fresh one; the
 * realm's resolve endpoint then answers about the OP from the cache.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustChainIT {
    private TestTrustAnchor anchor;
    private OidcFederationRealm rp;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        anchor = TestTrustAnchor.start();
        rp = OidcFederationRealm.create(keycloak, "oidcfed-chain", anchor);
    }

    @AfterAll
    void close() {
        rp.close();
        anchor.close();
    }

    @Test
    void aGoodChainResolves() throws Exception {
        TestTrustAnchorEntity op = anchor.entity("good-op", "openid_provider");
        HttpResponse<String> resolved = rp.adminResolve(op.entityId(), false, "en");
        assertEquals(200, resolved.statusCode(), resolved.body());
        JsonNode body = Jws.JSON.readTree(resolved.body());
        assertEquals(op.entityId(), body.path("entity_id").asText());
        assertEquals(anchor.entityId(), body.path("trust_anchor").asText());
        assertEquals(anchor.trustMarkId("openid_provider"), body.path("trust_marks").get(0).asText());
        assertEquals(op.entityId() + "/token", body.path("metadata").path("token_endpoint").asText());
    }

    @ParameterizedTest(name = "OP configuration {0} -> {1}")
    @CsvSource({
            "EXPIRED,            oidcfed.chain.expired",
            "BAD_SIGNATURE,      oidcfed.chain.signature",
            "WRONG_SUBJECT,      oidcfed.chain.self-issued",
            "ALG_NONE,           oidcfed.chain.alg",
            "OVERSIZED,          oidcfed.chain.size",
            "NO_TRUST_MARK,      oidcfed.chain.trust-mark-missing",
            "TRUST_MARK_EXPIRED, oidcfed.chain.trust-mark-expired",
            "TRUST_MARK_FORGED,  oidcfed.chain.trust-mark-signature",
    })
    void aBrokenOpConfigurationIsRefused(TestTrustAnchorBreakage breakage, String check) throws Exception {
        TestTrustAnchorEntity op = anchor.entity("op-" + UUID.randomUUID(), "openid_provider").breakage(breakage);
        assertRefused(op.entityId(), check);
    }

    @ParameterizedTest(name = "trust anchor statement {0} -> {1}")
    @CsvSource({
            "EXPIRED,       oidcfed.chain.expired",
            "BAD_SIGNATURE, oidcfed.chain.signature",
            "WRONG_SUBJECT, oidcfed.chain.link",
            "ALG_NONE,      oidcfed.chain.alg",
    })
    void aBrokenSubordinateStatementIsRefused(TestTrustAnchorBreakage breakage, String check) throws Exception {
        TestTrustAnchorEntity op = anchor.entity("op-" + UUID.randomUUID(), "openid_provider");
        anchor.breakStatement(op.entityId(), breakage);
        assertRefused(op.entityId(), check);
    }

    @Test
    void anEntityTheAnchorDoesNotKnowIsRefused() throws Exception {
        assertRefused(anchor.entityId() + "/entities/nobody", "oidcfed.chain.fetch");
    }

    @Test
    void theCheckNeedsTheOpsEntityId() {
        assertEquals(400, rp.adminResolve("", false, "en").statusCode());
    }

    @Test
    void theRefusalIsInTheAdminsLanguage() throws Exception {
        TestTrustAnchorEntity op = anchor.entity("op-it-" + UUID.randomUUID(), "openid_provider").breakage(TestTrustAnchorBreakage.EXPIRED);
        JsonNode it = Jws.JSON.readTree(rp.adminResolve(op.entityId(), false, "it").body());
        JsonNode en = Jws.JSON.readTree(rp.adminResolve(op.entityId(), false, "en").body());
        assertTrue(it.path("message").asText().contains("scaduto"), it.toString());
        assertTrue(en.path("message").asText().contains("expired"), en.toString());
    }

    @Test
    void aResolvedChainIsCachedUntilAFreshOneIsAsked() throws Exception {
        TestTrustAnchorEntity op = anchor.entity("cached-op", "openid_provider");
        assertEquals(200, rp.adminResolve(op.entityId(), false, "en").statusCode());
        anchor.breakStatement(op.entityId(), TestTrustAnchorBreakage.BAD_SIGNATURE);
        assertEquals(200, rp.adminResolve(op.entityId(), false, "en").statusCode(), "served from the cluster-wide cache");
        HttpResponse<String> fresh = rp.adminResolve(op.entityId(), true, "en");
        assertEquals(400, fresh.statusCode(), fresh.body());
        assertEquals("oidcfed.chain.signature", Jws.JSON.readTree(fresh.body()).path("error").asText());
    }

    @Test
    void theRealmsResolveEndpointAnswersAboutAResolvedOp() throws Exception {
        TestTrustAnchorEntity op = anchor.entity("resolvable-op", "openid_provider");
        assertEquals(200, rp.adminResolve(op.entityId(), false, "en").statusCode());
        HttpResponse<String> resolved = OidcFederationRealm.get(rp.entityId() + "/resolve?sub="
                + URLEncoder.encode(op.entityId(), StandardCharsets.UTF_8));
        assertEquals(200, resolved.statusCode(), resolved.body());
        Jws jws = Jws.parse(resolved.body());
        assertEquals(op.entityId(), jws.claims().path("sub").asText());
        assertEquals(op.entityId() + "/token", jws.claims().path("metadata").path("openid_provider").path("token_endpoint").asText());
    }

    private void assertRefused(String entityId, String check) throws Exception {
        HttpResponse<String> refused = rp.adminResolve(entityId, false, "en");
        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode body = Jws.JSON.readTree(refused.body());
        assertEquals(check, body.path("error").asText(), refused.body());
        assertTrue(body.path("message").asText().startsWith("OIDC Federation:"), refused.body());
    }
}
