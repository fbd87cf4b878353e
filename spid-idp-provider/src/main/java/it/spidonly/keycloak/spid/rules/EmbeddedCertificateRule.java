package it.spidonly.keycloak.spid.rules;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
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

    private static boolean isMetadataCertificate(String base64, List<X509Certificate> trusted) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            X509Certificate embedded = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            for (X509Certificate t : trusted) {
                if (Arrays.equals(t.getEncoded(), embedded.getEncoded())) {
                    return true;
                }
            }
            return false;
        } catch (CertificateException | IllegalArgumentException e) {
            return false;
        }
    }
}
