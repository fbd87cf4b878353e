package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: a {@code Conditions} element. */
public final class ConditionsRule extends AssertionRule {
    public static final String ID = "spid.assertion.conditions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(assertion.conditions().isPresent());
    }
}
