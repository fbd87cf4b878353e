package it.spidonly.keycloak.oidcfed.login;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.rules.RuleResult;

/**
 * The ID token checks after its signature (SPID/CIE OIDC, "ID Token"; OIDC Core 3.1.3.7), in this order:
 * {@code iss} = the OP's issuer, {@code aud} contains our client id, {@code nonce} = the one we sent, {@code exp} not
 * passed, {@code iat} not in the future (skew allowed), {@code acr} a SPID level at least the one asked for.
 */
public final class IdTokenRules {
    public static final List<TokenRule> RULES = List.of(
            TokenRule.of(LoginChecks.TOKEN_ISSUER, (c, e) -> e.issuer().equals(text(c, "iss"))),
            TokenRule.of(LoginChecks.TOKEN_AUDIENCE, (c, e) -> audienceContains(c.get("aud"), e.clientId())),
            TokenRule.of(LoginChecks.TOKEN_NONCE, (c, e) -> e.nonce().equals(text(c, "nonce"))),
            TokenRule.of(LoginChecks.TOKEN_EXPIRED, (c, e) -> c.path("exp").canConvertToLong()
                    && c.path("exp").asLong() + e.skew().toSeconds() > e.now().getEpochSecond()),
            TokenRule.of(LoginChecks.TOKEN_ISSUED_AT, (c, e) -> c.path("iat").canConvertToLong()
                    && c.path("iat").asLong() - e.skew().toSeconds() <= e.now().getEpochSecond()),
            TokenRule.of(LoginChecks.TOKEN_ACR, (c, e) -> SpidLevel.fromUri(text(c, "acr"))
                    .filter(l -> l.number() >= e.requestedLevel()).isPresent()));

    private IdTokenRules() {
    }

    /** The first failed rule, or pass. */
    public static RuleResult run(JsonNode claims, TokenExpectations expected) {
        for (TokenRule rule : RULES) {
            RuleResult result = rule.check(claims, expected);
            if (!result.passed()) {
                return result;
            }
        }
        return RuleResult.pass();
    }

    static String text(JsonNode claims, String name) {
        JsonNode v = claims.get(name);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    static boolean audienceContains(JsonNode aud, String clientId) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return clientId.equals(aud.asText());
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (a.isTextual() && clientId.equals(a.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
