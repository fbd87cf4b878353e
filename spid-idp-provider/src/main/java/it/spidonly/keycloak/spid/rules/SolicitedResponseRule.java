package it.spidonly.keycloak.spid.rules;

/**
 * SPID has no unsolicited (IdP-initiated) responses: a response is only accepted in the browser session that sent
 * a request to this IdP and still waits for the answer (spid.md, InResponseTo).
 */
public final class SolicitedResponseRule implements Rule {
    public static final String ID = "spid.response.unsolicited";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(context.request().isPresent());
    }
}
