package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: SubjectConfirmationData {@code Recipient} equal to the ACS URL. */
public final class RecipientRule extends AssertionRule {
    public static final String ID = "spid.assertion.subject-confirmation-data.recipient";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(Confirmations.data(assertion).map(d -> d.recipient() != null && d.recipient().equals(context.acsUrl())).orElse(false));
    }
}
