package it.spidonly.keycloak.spid.rules;

/**
 * One check of a SPID Response, over an immutable view of the message and a plain context (no Keycloak session,
 * so every rule runs in a unit test). The id (e.g. {@code spid.response.in-response-to}) names the rule in
 * {@code docs/spid-rules.md}, is the message key of the error page and the detail of the login error event.
 */
public interface Rule {

    String id();

    RuleResult check(SpidResponse response, RuleContext context);

    /** Pass when {@code condition} holds, else a failure with this rule's id. */
    default RuleResult require(boolean condition) {
        return condition ? RuleResult.pass() : RuleResult.failure(id());
    }
}
