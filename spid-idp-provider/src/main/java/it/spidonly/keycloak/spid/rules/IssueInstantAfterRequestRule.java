package it.spidonly.keycloak.spid.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * SPID Regole tecniche, Response and Assertion: {@code IssueInstant} not before the request's IssueInstant (less
 * the clock skew). Equal is fine: AgID's tool answers with the request's own IssueInstant.
 */
public final class IssueInstantAfterRequestRule implements Rule {
    private final Part part;

    public IssueInstantAfterRequestRule(Part part) {
        this.part = part;
    }

    @Override
    public String id() {
        return part.ruleId("issue-instant.before-request");
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        Optional<Instant> issued = part.header(response).flatMap(h -> SamlInstant.parse(h.issueInstant()));
        Instant requested = context.request().map(PendingRequest::issueInstant).orElse(null);
        if (issued.isEmpty()) {
            return RuleResult.failure(id());
        }
        return require(requested == null || !issued.get().isBefore(requested.minus(context.skew())));
    }
}
