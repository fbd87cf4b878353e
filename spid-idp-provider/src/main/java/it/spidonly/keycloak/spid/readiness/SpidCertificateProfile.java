package it.spidonly.keycloak.spid.readiness;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import it.spidonly.keycloak.spid.sp.SpType;

/**
 * Reads an SP signing certificate against the parts of AgID's SP certificate profile (Avviso SPID n.29 v3) that tell a
 * SPID-profile certificate from a generic one: the subject's {@code organizationIdentifier} (OID 2.5.4.97) and the
 * certificatePolicies {@code agIDcert} (1.3.76.16.6) plus the public-SP (1.3.76.16.4.2.1) or private-SP
 * (1.3.76.16.4.3.1) policy. Only reads; the key provider that makes such certificates is another module's.
 */
public final class SpidCertificateProfile {
    static final String ORGANIZATION_IDENTIFIER = "2.5.4.97";
    static final String CERTIFICATE_POLICIES = "2.5.29.32";
    /** DER of the policy OIDs: tag 06, length, content. */
    private static final byte[] AGID_CERT = {0x06, 0x04, 0x2B, 0x4C, 0x10, 0x06};
    private static final byte[] SP_PUBLIC = {0x06, 0x06, 0x2B, 0x4C, 0x10, 0x04, 0x02, 0x01};
    private static final byte[] SP_PRIVATE = {0x06, 0x06, 0x2B, 0x4C, 0x10, 0x04, 0x03, 0x01};

    private SpidCertificateProfile() {
    }

    /** What the certificate lacks: "organizationIdentifier", "certificatePolicies"; empty when both are there. */
    public static List<String> gaps(X509Certificate certificate, SpType type) {
        List<String> gaps = new ArrayList<>();
        if (!certificate.getSubjectX500Principal().getName().contains(ORGANIZATION_IDENTIFIER + "=")
                && !certificate.getSubjectX500Principal().getName().contains("organizationIdentifier=")) {
            gaps.add("organizationIdentifier");
        }
        byte[] policies = certificate.getExtensionValue(CERTIFICATE_POLICIES);
        byte[] sectorPolicy = type == SpType.PRIVATE ? SP_PRIVATE : SP_PUBLIC;
        if (policies == null || !contains(policies, AGID_CERT) || !contains(policies, sectorPolicy)) {
            gaps.add("certificatePolicies");
        }
        return gaps;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
