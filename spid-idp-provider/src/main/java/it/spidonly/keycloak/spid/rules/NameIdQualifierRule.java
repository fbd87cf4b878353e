package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: NameID {@code NameQualifier} present and not empty. */
public final class NameIdQualifierRule extends AssertionRule {
    public static final String ID = "spid.assertion.name-id.name-qualifier";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(assertion.subject().flatMap(AssertionView.Subject::nameId)
                .map(n -> n.nameQualifier() != null && !n.nameQualifier().isBlank()).orElse(false));
    }
}
