package it.spidonly.keycloak.oidcfed.trust;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.oidcfed.entity.TrustAnchor;

/**
 * Issue 20, fuzzing: what an entity on the web controls, as the chain validator reads it: a statement (compact JWS,
 * then its claims: jwks, authority hints, metadata, policy, trust marks) and a metadata policy applied to metadata.
 * The only way out is a {@link TrustChainException}; anything else is a finding.
 */
class FederationStatementFuzzTest {
    private static final TrustAnchor ANCHOR = new TrustAnchor("https://ta.example",
            "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}");

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"eyJhbGciOiJSUzI1NiIsImtpZCI6ImsiLCJ0eXAiOiJlbnRpdHktc3RhdGVtZW50K2p3dCJ9", ".", "\"authority_hints\"",
            "\"metadata_policy\"", "\"one_of\"", "\"subset_of\"", "\"superset_of\"", "\"essential\"", "\"value\"", "\"add\"",
            "\"default\"", "\"jwks\"", "\"trust_marks\"", "\"kid\"", "https://ta.example"})
    void statementsAreReadOrRefused(FuzzedDataProvider data) {
        String first = data.consumeString(4096);
        String second = data.consumeString(4096);
        String body = data.consumeRemainingAsString();
        StatementSource source = (url, accept) -> url.contains("fetch") ? second : url.contains("ta.example") ? first : body;
        try {
            new TrustChainValidator(source, List.of(ANCHOR), java.time.Clock.systemUTC(), TrustChainValidator.DEFAULT_LEEWAY)
                    .resolve("https://op.example", "openid_provider");
        } catch (TrustChainException refused) {
            // refused with a check
        }
        try {
            JsonNode metadata = SignedStatement.JSON.readTree(first);
            JsonNode policy = SignedStatement.JSON.readTree(body);
            if (metadata instanceof ObjectNode object) {
                MetadataPolicy.apply(object, List.of(policy));
            }
        } catch (TrustChainException | com.fasterxml.jackson.core.JacksonException refused) {
            // refused
        }
    }
}
