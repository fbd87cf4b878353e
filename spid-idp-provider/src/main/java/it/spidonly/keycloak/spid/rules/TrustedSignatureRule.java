package it.spidonly.keycloak.spid.rules;

/**
 * SPID Regole tecniche, Response: the signature verifies with a signing key of the issuing IdP's metadata. The
 * certificate in the message's KeyInfo is never used to verify. A missing signature is
 * {@link EnvelopedSignatureRule}'s concern.
 */
public final class TrustedSignatureRule implements Rule {
    private final Part part;

    public TrustedSignatureRule(Part part) {
        this.part = part;
    }

    @Override
    public String id() {
        return part.ruleId("signature.trusted");
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        EnvelopedSignature signature = part.signature(response).orElse(null);
        if (signature == null || !signature.present()) {
            return RuleResult.pass();
        }
        return require(signature.verifiesWith(context.idpKeys()));
    }
}
