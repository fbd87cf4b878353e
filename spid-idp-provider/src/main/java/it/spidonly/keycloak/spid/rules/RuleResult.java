package it.spidonly.keycloak.spid.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Rule} says about a response: pass, or a failure carrying the rule id. The rule id is also the
 * message key of the page the user sees and the {@code reason} detail of the login error event.
 */
public final class RuleResult {
    private static final RuleResult PASS = new RuleResult(null);

    private final String failedRuleId;

    private RuleResult(String failedRuleId) {
        this.failedRuleId = failedRuleId;
    }

    public static RuleResult pass() {
        return PASS;
    }

    public static RuleResult failure(String ruleId) {
        return new RuleResult(Objects.requireNonNull(ruleId, "ruleId"));
    }

    public boolean passed() {
        return failedRuleId == null;
    }

    /** The id of the rule that failed; empty when the response passed. */
    public Optional<String> failedRuleId() {
        return Optional.ofNullable(failedRuleId);
    }

    @Override
    public String toString() {
        return passed() ? "pass" : "failure(" + failedRuleId + ")";
    }
}
