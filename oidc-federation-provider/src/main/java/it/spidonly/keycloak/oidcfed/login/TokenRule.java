package it.spidonly.keycloak.oidcfed.login;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.spid.rules.RuleResult;

/**
 * One check of the verified claims of an OP's token (the rule idiom of the SPID SAML rules: an id that is the message
 * key and the event detail, one check over an immutable view and a plain context).
 */
public interface TokenRule {

    String id();

    RuleResult check(JsonNode claims, TokenExpectations expected);

    default RuleResult require(boolean condition) {
        return condition ? RuleResult.pass() : RuleResult.failure(id());
    }

    static TokenRule of(String id, java.util.function.BiPredicate<JsonNode, TokenExpectations> holds) {
        return new TokenRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RuleResult check(JsonNode claims, TokenExpectations expected) {
                return require(holds.test(claims, expected));
            }
        };
    }
}
