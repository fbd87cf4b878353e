package it.spidonly.keycloak.spid.rules;

/**
 * Every signature of the message uses an allowed SignatureMethod and DigestMethod: SHA-1 is refused, and so is a
 * method without an {@code Algorithm} (found by {@code SamlPostBindingFuzzTest}: it used to throw, a 500).
 */
public final class SignatureAlgorithmRule implements Rule {
    public static final String ID = "spid.signature.algorithm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(SignatureAlgorithms.present(response).allMatch(s ->
                allowed(SignatureAlgorithms.SIGNATURE_METHODS, s.signatureMethod())
                        && s.references().stream().allMatch(r -> allowed(SignatureAlgorithms.DIGEST_METHODS, r.digestMethod()))));
    }

    private static boolean allowed(java.util.Set<String> algorithms, String algorithm) {
        return algorithm != null && algorithms.contains(algorithm);
    }
}
