package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Assertion: SubjectConfirmation {@code Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"}. */
public final class SubjectConfirmationMethodRule extends AssertionRule {
    public static final String ID = "spid.assertion.subject-confirmation.method";
    public static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        return require(Confirmations.only(assertion).map(c -> BEARER.equals(c.method())).orElse(false));
    }
}
