package it.spidonly.keycloak.spid.rules;

/**
 * SPID Regole tecniche, Assertion: the level in AuthnContextClassRef satisfies the requested level with the requested
 * Comparison (minimum L2 accepts L2 and L3, exact L2 only L2, better L2 only L3, maximum L2 accepts L1 and L2).
 */
public final class LevelRule extends AssertionRule {
    public static final String ID = "spid.assertion.level";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(context.request().flatMap(r -> AuthnContextClassRule.answeredLevel(assertion)
                .map(answered -> r.comparison().accepts(r.level(), answered))).orElse(false));
    }
}
