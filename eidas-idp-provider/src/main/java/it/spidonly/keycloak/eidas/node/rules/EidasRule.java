package it.spidonly.keycloak.eidas.node.rules;

/**
 * One check of an eIDAS Response, as the SPID rules are (CONVENTIONS, "Rules as small units"): an id that is also the
 * message key and the event reason, a check over the view and a plain context, no Keycloak session.
 */
public interface EidasRule {
    String id();

    boolean passes(EidasResponse response, EidasRuleContext context);
}
