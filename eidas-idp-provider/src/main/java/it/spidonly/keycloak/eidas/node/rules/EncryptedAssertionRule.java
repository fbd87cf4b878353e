package it.spidonly.keycloak.eidas.node.rules;

/** eIDAS SAML Message Format v1.2, 3.3: the assertion arrives encrypted where the SP requires it. */
final class EncryptedAssertionRule implements EidasRule {
    static final String ID = "eidas.response.encrypted-assertion";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        return !context.encryptionRequired() || response.assertionWasEncrypted();
    }
}
