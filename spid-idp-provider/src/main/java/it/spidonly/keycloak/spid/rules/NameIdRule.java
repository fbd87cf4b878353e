package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: {@code Subject/NameID} present and not empty. */
public final class NameIdRule extends AssertionRule {
    public static final String ID = "spid.assertion.name-id";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(assertion.subject().flatMap(AssertionView.Subject::nameId).map(n -> !n.value().isEmpty()).orElse(false));
    }
}
