package it.spidonly.keycloak.eidas.node.rules;

/** eIDAS SAML Message Format v1.2, 3.3: exactly one Assertion (plain or encrypted) in a Response. */
final class SingleAssertionRule implements EidasRule {
    static final String ID = "eidas.response.single-assertion";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        return response.assertionCount() == 1;
    }
}
