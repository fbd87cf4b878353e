package it.spidonly.keycloak.spid.keys;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import it.spidonly.keycloak.spid.sp.SpType;

/**
 * The object identifiers of the AgID SP certificate profile (Avviso SPID n. 29 v3, "Profilo dei certificati"):
 * the agIDcert policy every SP certificate carries, the policy of the SP's sector, each with a user notice whose
 * explicit text names it, and the subject attributes organizationIdentifier and uri.
 */
public final class AgidCertificatePolicies {
    /** agIDcert: every certificate of the profile. */
    public static final ASN1ObjectIdentifier AGID_CERT = new ASN1ObjectIdentifier("1.3.76.16.6");
    /** spid-publicsector-SP. */
    public static final ASN1ObjectIdentifier PUBLIC_SP = new ASN1ObjectIdentifier("1.3.76.16.4.2.1");
    /** spid-privatesector-SP. */
    public static final ASN1ObjectIdentifier PRIVATE_SP = new ASN1ObjectIdentifier("1.3.76.16.4.3.1");
    /** X.520 organizationIdentifier (2.5.4.97). */
    public static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = new ASN1ObjectIdentifier("2.5.4.97");
    /** X.520 uri (2.5.4.83): the SP's entityID. */
    public static final ASN1ObjectIdentifier URI = new ASN1ObjectIdentifier("2.5.4.83");

    public static final String AGID_CERT_NOTICE = "agIDcert";

    private AgidCertificatePolicies() {
    }

    public static ASN1ObjectIdentifier sectorPolicy(SpType type) {
        return type == SpType.PRIVATE ? PRIVATE_SP : PUBLIC_SP;
    }

    /** The explicit text of the sector policy's user notice. */
    public static String sectorNotice(SpType type) {
        return type == SpType.PRIVATE ? "cert_SP_Priv" : "cert_SP_Pub";
    }
}
