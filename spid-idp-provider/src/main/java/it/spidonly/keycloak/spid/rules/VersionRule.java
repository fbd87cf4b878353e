package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Response and Assertion: {@code Version="2.0"}. */
public final class VersionRule implements Rule {
    private final Part part;

    public VersionRule(Part part) {
        this.part = part;
    }

    @Override
    public String id() {
        return part.ruleId("version");
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(part.header(response).map(h -> "2.0".equals(h.version())).orElse(false));
    }
}
