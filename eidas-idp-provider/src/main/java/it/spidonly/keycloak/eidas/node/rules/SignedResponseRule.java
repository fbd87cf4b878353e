package it.spidonly.keycloak.eidas.node.rules;

/** The Response itself is signed: an unsigned Response carrying an encrypted (and unsigned) assertion is the CVE-2026-2092 class of attack. */
final class SignedResponseRule implements EidasRule {
    static final String ID = "eidas.response.signed";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        return response.signature().isPresent();
    }
}
