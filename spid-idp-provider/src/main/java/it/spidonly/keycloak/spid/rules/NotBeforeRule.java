package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: Conditions {@code NotBefore} present, a valid time, not in the future (beyond the skew). */
public final class NotBeforeRule extends AssertionRule {
    public static final String ID = "spid.assertion.conditions.not-before";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(assertion.conditions().flatMap(c -> SamlInstant.parse(c.notBefore()))
                .map(start -> !start.isAfter(context.now().plus(context.skew()))).orElse(false));
    }
}
