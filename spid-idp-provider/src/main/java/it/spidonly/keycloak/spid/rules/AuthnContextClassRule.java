package it.spidonly.keycloak.spid.rules;

import java.util.Optional;

import it.spidonly.keycloak.spid.level.SpidLevel;

/**
 * SPID Regole tecniche, Assertion: AuthnContextClassRef is a SPID level URI ({@code https://www.spid.gov.it/SpidL1..3});
 * the old {@code urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1} form is refused (spid-sp-test response 97).
 */
public final class AuthnContextClassRule extends AssertionRule {
    public static final String ID = "spid.assertion.authn-context";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(answeredLevel(assertion).isPresent());
    }

    static Optional<SpidLevel> answeredLevel(AssertionView assertion) {
        return assertion.authnStatements().stream().findFirst().flatMap(s -> SpidLevel.fromUri(s.classRef()));
    }
}
