package it.spidonly.keycloak.oidcfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchorBreakage;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchorSigner;

/** One valid chain (test OP → test trust anchor), then one thing broken per case; asserts the failed check's rule id. */
class TrustChainValidatorTest {
    private InMemoryFederation federation;

    @BeforeEach
    void federation() {
        federation = new InMemoryFederation();
    }

    @AfterEach
    void close() {
        federation.close();
    }

    @Test
    void aValidChainResolvesToTheOpMetadataAndTrustMark() throws Exception {
        ResolvedEntity op = federation.resolveOp();
        assertEquals(federation.op.entityId(), op.entityId());
        assertEquals(federation.anchor.entityId(), op.trustAnchor());
        assertEquals(federation.op.entityId() + "/token", op.metadata().get("token_endpoint"));
        assertEquals(List.of(federation.anchor.trustMarkId("openid_provider")), op.trustMarkIds());
        assertTrue(op.jwksJson().contains(federation.op.protocolKey().kid()), op.jwksJson());
        long now = Instant.now().getEpochSecond();
        assertTrue(op.expiresAt() > now && op.expiresAt() <= now + 3600, "chain exp is the smallest exp");
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
    void aBrokenEntityConfigurationIsRefused(TestTrustAnchorBreakage breakage, String check) {
        federation.op.breakage(breakage);
        assertEquals(check, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @ParameterizedTest(name = "trust anchor statement {0} -> {1}")
    @CsvSource({
            "EXPIRED,       oidcfed.chain.expired",
            "BAD_SIGNATURE, oidcfed.chain.signature",
            "WRONG_SUBJECT, oidcfed.chain.link",
            "ALG_NONE,      oidcfed.chain.alg",
            "OVERSIZED,     oidcfed.chain.size",
    })
    void aBrokenSubordinateStatementIsRefused(TestTrustAnchorBreakage breakage, String check) {
        federation.anchor.breakStatement(federation.op.entityId(), breakage);
        assertEquals(check, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @Test
    void aTrustAnchorWhoseKeysAreNotThePinnedOnesIsRefused() {
        String otherKeys = TestTrustAnchorSigner.generate().jwksJson();
        TrustChainException e = assertThrows(TrustChainException.class,
                () -> federation.validator(otherKeys).resolve(federation.op.entityId(), "openid_provider"));
        assertEquals(ChainCheck.KID, e.check());
    }

    @Test
    void anOpThatDoesNotChainToAConfiguredTrustAnchorIsRefused() {
        TrustChainValidator validator = new TrustChainValidator(federation,
                List.of(new it.spidonly.keycloak.oidcfed.entity.TrustAnchor("https://another-anchor.example", federation.anchor.jwksJson())),
                java.time.Clock.systemUTC(), TrustChainValidator.DEFAULT_LEEWAY);
        assertEquals(ChainCheck.TRUST_ANCHOR,
                assertThrows(TrustChainException.class, () -> validator.resolve(federation.op.entityId(), "openid_provider")).check());
    }

    @Test
    void theTrustAnchorPolicyIsApplied() throws Exception {
        federation.anchor.metadataPolicy("openid_provider", Map.of(
                "id_token_signing_alg_values_supported", Map.of("subset_of", List.of("RS256")),
                "token_endpoint_auth_methods_supported", Map.of("value", List.of("private_key_jwt")),
                "organization_name", Map.of("essential", true)));
        ResolvedEntity op = federation.resolveOp();
        assertEquals(List.of("RS256"), op.metadata().get("id_token_signing_alg_values_supported"));
    }

    @Test
    void metadataThatBreaksThePolicyIsRefused() {
        federation.anchor.metadataPolicy("openid_provider", Map.of("issuer", Map.of("one_of", List.of("https://op.example"))));
        assertEquals(ChainCheck.METADATA_POLICY, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @Test
    void aMissingEssentialMemberIsRefused() {
        federation.anchor.metadataPolicy("openid_provider", Map.of("userinfo_endpoint", Map.of("essential", true)));
        federation.op.metadata("userinfo_endpoint", null);
        assertEquals(ChainCheck.METADATA_ESSENTIAL, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @Test
    void anEntityConfigurationOfTheWrongTypIsRefused() {
        String ec = federation.op.entityConfiguration();
        String[] parts = ec.split("\\.");
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"RS256\",\"kid\":\"" + federation.op.federationKey().kid() + "\",\"typ\":\"JWT\"}").getBytes());
        federation.replace(StatementSource.entityConfigurationUrl(federation.op.entityId()), header + "." + parts[1] + "." + parts[2]);
        assertEquals(ChainCheck.TYP, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @Test
    void anHmacSignedEntityConfigurationIsRefused() {
        String ec = federation.op.entityConfiguration();
        String[] parts = ec.split("\\.");
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"HS256\",\"kid\":\"k\",\"typ\":\"entity-statement+jwt\"}".getBytes());
        federation.replace(StatementSource.entityConfigurationUrl(federation.op.entityId()), header + "." + parts[1] + "." + parts[2]);
        assertEquals(ChainCheck.ALG, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @Test
    void garbageIsRefusedAsNotAJwt() {
        federation.replace(StatementSource.entityConfigurationUrl(federation.op.entityId()), "<html>not a jwt</html>");
        assertEquals(ChainCheck.JWT, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @Test
    void deeplyNestedClaimsAreRefused() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        String jwt = federation.op.federationKey().sign("entity-statement+jwt", Map.of("x", "y")).split("\\.")[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"a\":" + nested + "}").getBytes()) + ".c2ln";
        federation.replace(StatementSource.entityConfigurationUrl(federation.op.entityId()), jwt);
        assertEquals(ChainCheck.JWT, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }
}
