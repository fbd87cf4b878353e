package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: exactly one {@code Subject/SubjectConfirmation}. */
public final class SubjectConfirmationRule extends AssertionRule {
    public static final String ID = "spid.assertion.subject-confirmation";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(Confirmations.only(assertion).isPresent());
    }
}
