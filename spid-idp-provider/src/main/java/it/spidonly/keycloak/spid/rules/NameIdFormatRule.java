package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: NameID {@code Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient"}. */
public final class NameIdFormatRule extends AssertionRule {
    public static final String ID = "spid.assertion.name-id.format";
    public static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(assertion.subject().flatMap(AssertionView.Subject::nameId).map(n -> TRANSIENT.equals(n.format())).orElse(false));
    }
}
