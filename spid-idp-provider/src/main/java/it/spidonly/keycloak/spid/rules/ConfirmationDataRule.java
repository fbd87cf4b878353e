package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: a {@code SubjectConfirmationData} in the SubjectConfirmation. */
public final class ConfirmationDataRule extends AssertionRule {
    public static final String ID = "spid.assertion.subject-confirmation-data";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(Confirmations.data(assertion).isPresent());
    }
}
