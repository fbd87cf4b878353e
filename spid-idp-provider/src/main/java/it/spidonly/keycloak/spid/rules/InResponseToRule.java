package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Response: {@code InResponseTo} present and equal to the ID of the pending request. */
public final class InResponseToRule implements Rule {
    public static final String ID = "spid.response.in-response-to";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(context.request().map(r -> r.id().equals(response.inResponseTo())).orElse(false));
    }
}
