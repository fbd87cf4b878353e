package it.spidonly.keycloak.eidas.node.rules;

/** The Response's Destination is this SP's ACS. */
final class DestinationRule implements EidasRule {
    static final String ID = "eidas.response.destination";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        return context.acsUrl().equals(response.destination());
    }
}
