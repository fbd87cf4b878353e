package it.spidonly.keycloak.spid.rules;

/**
 * SPID Regole tecniche, Assertion: SubjectConfirmationData {@code NotOnOrAfter} present, a valid time and still in
 * the future (allowing for the clock skew).
 */
public final class ConfirmationNotOnOrAfterRule extends AssertionRule {
    public static final String ID = "spid.assertion.subject-confirmation-data.not-on-or-after";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(Confirmations.data(assertion).flatMap(d -> SamlInstant.parse(d.notOnOrAfter()))
                .map(limit -> context.now().isBefore(limit.plus(context.skew()))).orElse(false));
    }
}
