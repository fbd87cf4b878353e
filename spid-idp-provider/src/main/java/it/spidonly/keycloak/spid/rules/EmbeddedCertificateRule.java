package it.spidonly.keycloak.spid.rules;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A certificate carried in a signature's KeyInfo is never trusted by itself: when KeyInfo has certificates, one of
 * them must be a signing certificate of the IdP's metadata (SPID: KeyInfo carries the IdP's signing certificate).
 * A message signed with the right key but showing another certificate is refused as tampered or misconfigured.
 */
public final class EmbeddedCertificateRule implements Rule {
    public static final String ID = "spid.signature.certificate";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public RuleResult check(SpidResponse response, RuleContext context) {
        return require(SignatureAlgorithms.present(response).allMatch(s -> s.keyInfoCertificates().isEmpty()
                || s.keyInfoCertificates().stream().anyMatch(c -> isMetadataCertificate(c, context.idpCertificates()))));
    }

    /**
     * Whether the KeyInfo text is, byte for byte, the DER of one of the metadata certificates. No parse of the
     * message's certificate (issue 19: it cost a certificate parse per signature): a certificate equal to a trusted one
     * is its DER, and anything else (another certificate, PEM armour, trailing bytes) is not one of them.
     */
    private static boolean isMetadataCertificate(String base64, List<X509Certificate> trusted) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            for (X509Certificate t : trusted) {
                if (Arrays.equals(t.getEncoded(), der)) {
                    return true;
                }
            }
            return false;
        } catch (CertificateEncodingException | IllegalArgumentException e) {
            return false;
        }
    }
}
