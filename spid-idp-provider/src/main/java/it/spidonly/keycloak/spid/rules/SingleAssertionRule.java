package it.spidonly.keycloak.spid.rules;

/**
 * SPID Regole tecniche, Response: exactly one Assertion, a child of the Response, not encrypted. Counting every
 * {@code saml:Assertion} of the message, wherever it hides (Extensions, ds:Object, inside another assertion or a
 * signature), defeats the XML signature wrapping attacks XSW1–8 before any signature is looked at.
 */
public final class SingleAssertionRule implements Rule {
    public static final String ID = "spid.response.assertion";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(response.assertionChildren() == 1 && response.assertionsInDocument() == 1
                && response.encryptedAssertions() == 0);
    }
}
