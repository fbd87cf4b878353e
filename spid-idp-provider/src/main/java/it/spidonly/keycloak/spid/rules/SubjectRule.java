package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: a {@code Subject}. */
public final class SubjectRule extends AssertionRule {
    public static final String ID = "spid.assertion.subject";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(assertion.subject().isPresent());
    }
}
