package it.spidonly.keycloak.spid.rules;

/** SPID Regole tecniche, Response and Assertion: {@code IssueInstant} not in the future (beyond the clock skew). */
public final class IssueInstantNotFutureRule implements Rule {
    private final Part part;

    public IssueInstantNotFutureRule(Part part) {
        this.part = part;
    }

    @Override
    public String id() {
        return part.ruleId("issue-instant.future");
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(part.header(response).flatMap(h -> SamlInstant.parse(h.issueInstant()))
                .map(i -> !i.isAfter(context.now().plus(context.skew()))).orElse(false));
    }
}
