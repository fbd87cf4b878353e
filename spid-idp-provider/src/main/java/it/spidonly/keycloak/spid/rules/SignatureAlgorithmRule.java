package it.spidonly.keycloak.spid.rules;

/** Every signature of the message uses an allowed SignatureMethod and DigestMethod: SHA-1 is refused. */
public final class SignatureAlgorithmRule implements Rule {
    public static final String ID = "spid.signature.algorithm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(SignatureAlgorithms.present(response).allMatch(s ->
                SignatureAlgorithms.SIGNATURE_METHODS.contains(s.signatureMethod())
                        && s.references().stream().allMatch(r -> SignatureAlgorithms.DIGEST_METHODS.contains(r.digestMethod()))));
    }
}
