package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Response and Assertion: {@code IssueInstant} present and a valid UTC time ({@link SamlInstant}). */
public final class IssueInstantFormatRule implements Rule {
    private final Part part;

    public IssueInstantFormatRule(Part part) {
        this.part = part;
    }

    @Override
    public String id() {
        return part.ruleId("issue-instant");
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(part.header(response).flatMap(h -> SamlInstant.parse(h.issueInstant())).isPresent());
    }
}
