package it.spidonly.keycloak.spid.rules;

import java.util.HashSet;
import java.util.List;

/**
 * Every signature is canonicalised with exclusive c14n and its reference has only the enveloped-signature
 * transform, optionally followed by exclusive c14n: XSLT and any other transform are refused before the signature
 * is even computed (spid-sp-test "xslt").
 */
public final class SignatureTransformRule implements Rule {
    public static final String ID = "spid.signature.transforms";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(SignatureAlgorithms.present(response).allMatch(s ->
                SignatureAlgorithms.EXC_C14N.equals(s.canonicalizationMethod())
                        && s.references().stream().allMatch(r -> allowed(r.transforms()))));
    }

    private static boolean allowed(List<String> transforms) {
        return transforms.contains(SignatureAlgorithms.ENVELOPED) && transforms.size() <= 2
                && new HashSet<>(transforms).size() == transforms.size()
                && transforms.stream().allMatch(t -> SignatureAlgorithms.ENVELOPED.equals(t) || SignatureAlgorithms.EXC_C14N.equals(t));
    }
}
