package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Response: {@code Destination} present and equal to the SP's AssertionConsumerService URL. */
public final class DestinationRule implements Rule {
    public static final String ID = "spid.response.destination";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(response.destination() != null && response.destination().equals(context.acsUrl()));
    }
}
