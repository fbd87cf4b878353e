package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: Conditions {@code NotOnOrAfter} present, a valid time, in the future (allowing the skew). */
public final class NotOnOrAfterRule extends AssertionRule {
    public static final String ID = "spid.assertion.conditions.not-on-or-after";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(assertion.conditions().flatMap(c -> SamlInstant.parse(c.notOnOrAfter()))
                .map(limit -> context.now().isBefore(limit.plus(context.skew()))).orElse(false));
    }
}
