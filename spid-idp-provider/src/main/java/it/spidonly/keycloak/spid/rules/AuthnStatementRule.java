package it.spidonly.keycloak.spid.rules;

import java.util.List;

/** SPID Regole tecniche, Assertion: exactly one {@code AuthnStatement} with {@code AuthnContext/AuthnContextClassRef}. */
public final class AuthnStatementRule extends AssertionRule {
    public static final String ID = "spid.assertion.authn-statement";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        List<AssertionView.AuthnStatement> statements = assertion.authnStatements();
        return require(statements.size() == 1 && statements.get(0).hasContext()
                && statements.get(0).classRef() != null && !statements.get(0).classRef().isEmpty());
    }
}
