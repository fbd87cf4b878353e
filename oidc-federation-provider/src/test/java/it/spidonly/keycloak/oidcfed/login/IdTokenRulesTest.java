package it.spidonly.keycloak.oidcfed.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.spid.rules.RuleResult;

/** One valid ID token's claims, then one claim changed per case: the rule that fails is named. */
class IdTokenRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final TokenExpectations EXPECTED = new TokenExpectations("https://op.example", "https://rp.example/rp",
            "N".repeat(43), 2, NOW, TokenExpectations.DEFAULT_SKEW);

    private static ObjectNode baseline() {
        ObjectNode c = new ObjectMapper().createObjectNode();
        c.put("iss", "https://op.example");
        c.putArray("aud").add("https://rp.example/rp");
        c.put("nonce", "N".repeat(43));
        c.put("exp", NOW.getEpochSecond() + 600);
        c.put("iat", NOW.getEpochSecond() - 5);
        c.put("acr", "https://www.spid.gov.it/SpidL2");
        c.put("sub", "pairwise");
        return c;
    }

    @Test
    void theBaselinePasses() {
        assertTrue(IdTokenRules.run(baseline(), EXPECTED).passed());
    }

    @ParameterizedTest
    @CsvSource({
            "iss, https://other.example, oidcfed.token.iss",
            "aud, https://other.example/rp, oidcfed.token.aud",
            "nonce, other, oidcfed.token.nonce",
            "exp, 1764760000, oidcfed.token.exp",
            "iat, 1999999999, oidcfed.token.iat",
            "acr, https://www.spid.gov.it/SpidL1, oidcfed.token.acr",
            "acr, urn:unknown, oidcfed.token.acr"})
    void eachWrongClaimFailsItsRule(String claim, String value, String rule) {
        ObjectNode c = baseline();
        if (claim.equals("exp") || claim.equals("iat")) {
            c.put(claim, Long.parseLong(value));
        } else {
            c.put(claim, value);
        }
        RuleResult result = IdTokenRules.run(c, EXPECTED);
        assertEquals(rule, result.failedRuleId().orElse("pass"));
    }

    @Test
    void aHigherLevelThanAskedPassesAndAStringAudienceToo() {
        ObjectNode c = baseline();
        c.put("acr", "https://www.spid.gov.it/SpidL3");
        c.put("aud", "https://rp.example/rp");
        assertTrue(IdTokenRules.run(c, EXPECTED).passed());
    }
}
