package it.spidonly.keycloak.eidas.node.rules;

/** Every attribute the request marked isRequired carries a value (eIDAS SAML Attribute Profile v1.2). */
final class RequiredAttributesRule implements EidasRule {
    static final String ID = "eidas.assertion.required-attributes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        return response.attributeNames().containsAll(context.requiredAttributes());
    }
}
