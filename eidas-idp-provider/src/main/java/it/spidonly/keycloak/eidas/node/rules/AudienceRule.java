package it.spidonly.keycloak.eidas.node.rules;

/** The assertion's AudienceRestriction names this SP (and nobody else). */
final class AudienceRule implements EidasRule {
    static final String ID = "eidas.assertion.audience";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        return !response.audiences().isEmpty() && response.audiences().stream().allMatch(context.spEntityId()::equals);
    }
}
