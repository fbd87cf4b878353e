package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Response and Assertion: attribute {@code ID} present and not empty. */
public final class IdRule implements Rule {
    private final Part part;

    public IdRule(Part part) {
        this.part = part;
    }

    @Override
    public String id() {
        return part.ruleId("id");
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(part.header(response).map(h -> h.id() != null && !h.id().isBlank()).orElse(false));
    }
}
