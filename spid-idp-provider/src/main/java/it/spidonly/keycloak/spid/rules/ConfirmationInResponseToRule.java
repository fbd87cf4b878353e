package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: SubjectConfirmationData {@code InResponseTo} equal to the pending request's ID. */
public final class ConfirmationInResponseToRule extends AssertionRule {
    public static final String ID = "spid.assertion.subject-confirmation-data.in-response-to";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        String requestId = context.request().map(PendingRequest::id).orElse(null);
        return require(requestId != null && Confirmations.data(assertion).map(d -> requestId.equals(d.inResponseTo())).orElse(false));
    }
}
