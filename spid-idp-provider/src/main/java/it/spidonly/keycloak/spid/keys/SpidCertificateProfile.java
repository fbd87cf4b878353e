package it.spidonly.keycloak.spid.keys;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.UserNotice;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

import it.spidonly.keycloak.spid.sp.SpType;

/**
 * Checks a certificate against the AgID SP certificate profile (Avviso SPID n. 29 v3), check by check as AgID's
 * certificate checker does: RSA key of 2048, 3072 or 4096 bits; SHA-256 or SHA-512 signature; subject with
 * commonName, organizationName, organizationIdentifier ({@code PA:IT-<IPA code>} for public SPs,
 * {@code VATIT-<11 digits>} or {@code CF:IT-<fiscal code>} for private ones), uri, localityName and an ISO
 * countryName, and no personal attributes; basicConstraints CA:false (not critical); keyUsage critical with
 * digitalSignature and nonRepudiation only; certificatePolicies (not critical) with agIDcert and the sector's policy.
 * Returns the ids of the failed checks; none means the certificate follows the profile.
 */
public final class SpidCertificateProfile {
    private static final Set<Integer> KEY_SIZES = Set.of(2048, 3072, 4096);
    private static final Set<String> SIGNATURES = Set.of("SHA256WITHRSA", "SHA512WITHRSA");
    private static final Pattern PUBLIC_ID = Pattern.compile("PA:IT-\\S{1,11}");
    private static final Pattern PRIVATE_ID = Pattern.compile("CF:IT-[a-zA-Z0-9]{16}|VATIT-\\d{11}");
    private static final List<ASN1ObjectIdentifier> PERSONAL = List.of(BCStyle.NAME, BCStyle.INITIALS,
            BCStyle.EmailAddress, BCStyle.GIVENNAME, BCStyle.PSEUDONYM, BCStyle.SURNAME);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private SpidCertificateProfile() {
    }

    public static List<String> failures(X509Certificate certificate, SpType type) {
        List<String> failures = new ArrayList<>();
        JcaX509CertificateHolder holder;
        try {
            holder = new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            return List.of("cert.encoding");
        }
        checkKey(certificate, failures);
        if (!SIGNATURES.contains(certificate.getSigAlgName().toUpperCase(Locale.ROOT))) {
            failures.add("cert.signature-algorithm");
        }
        checkSubject(holder.getSubject(), type, failures);
        Extensions extensions = holder.getExtensions();
        checkBasicConstraints(extensions, failures);
        checkKeyUsage(extensions, failures);
        checkPolicies(extensions, type, failures);
        return failures;
    }

    private static void checkKey(X509Certificate certificate, List<String> failures) {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)) {
            failures.add("cert.key-type");
        } else if (!KEY_SIZES.contains(rsa.getModulus().bitLength())) {
            failures.add("cert.key-size");
        }
    }

    private static void checkSubject(X500Name subject, SpType type, List<String> failures) {
        require(subject, BCStyle.CN, "cert.subject.common-name", failures);
        require(subject, BCStyle.O, "cert.subject.organization", failures);
        require(subject, BCStyle.L, "cert.subject.locality", failures);
        require(subject, AgidCertificatePolicies.URI, "cert.subject.uri", failures);
        String country = value(subject, BCStyle.C);
        if (country == null || !COUNTRIES.contains(country)) {
            failures.add("cert.subject.country");
        }
        String id = value(subject, AgidCertificatePolicies.ORGANIZATION_IDENTIFIER);
        if (id == null || !(type == SpType.PRIVATE ? PRIVATE_ID : PUBLIC_ID).matcher(id).matches()) {
            failures.add("cert.subject.organization-identifier");
        }
        if (PERSONAL.stream().anyMatch(oid -> subject.getRDNs(oid).length > 0)) {
            failures.add("cert.subject.personal-attribute");
        }
    }

    private static void checkBasicConstraints(Extensions extensions, List<String> failures) {
        Extension ext = extensions == null ? null : extensions.getExtension(Extension.basicConstraints);
        if (ext == null || ext.isCritical() || BasicConstraints.getInstance(ext.getParsedValue()).isCA()) {
            failures.add("cert.basic-constraints");
        }
    }

    private static void checkKeyUsage(Extensions extensions, List<String> failures) {
        Extension ext = extensions == null ? null : extensions.getExtension(Extension.keyUsage);
        int wanted = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        int forbidden = KeyUsage.keyEncipherment | KeyUsage.dataEncipherment | KeyUsage.keyAgreement
                | KeyUsage.keyCertSign | KeyUsage.cRLSign;
        KeyUsage usage = ext == null ? null : KeyUsage.getInstance(ext.getParsedValue());
        if (ext == null || !ext.isCritical() || !usage.hasUsages(wanted) || hasAny(usage, forbidden)) {
            failures.add("cert.key-usage");
        }
    }

    private static boolean hasAny(KeyUsage usage, int bits) {
        for (int bit = 1; bit <= 0x8000; bit <<= 1) {
            if ((bits & bit) != 0 && usage.hasUsages(bit)) {
                return true;
            }
        }
        return false;
    }

    private static void checkPolicies(Extensions extensions, SpType type, List<String> failures) {
        Extension ext = extensions == null ? null : extensions.getExtension(Extension.certificatePolicies);
        if (ext == null || ext.isCritical()) {
            failures.add("cert.certificate-policies");
            return;
        }
        CertificatePolicies policies = CertificatePolicies.getInstance(ext.getParsedValue());
        boolean agid = hasPolicy(policies, AgidCertificatePolicies.AGID_CERT, AgidCertificatePolicies.AGID_CERT_NOTICE);
        boolean sector = hasPolicy(policies, AgidCertificatePolicies.sectorPolicy(type), AgidCertificatePolicies.sectorNotice(type));
        if (!agid || !sector) {
            failures.add("cert.certificate-policies");
        }
    }

    /** The policy is present and each user notice it carries has the profile's explicit text. */
    private static boolean hasPolicy(CertificatePolicies policies, ASN1ObjectIdentifier oid, String notice) {
        PolicyInformation info = policies.getPolicyInformation(oid);
        if (info == null) {
            return false;
        }
        if (info.getPolicyQualifiers() == null) {
            return true;
        }
        for (int i = 0; i < info.getPolicyQualifiers().size(); i++) {
            PolicyQualifierInfo q = PolicyQualifierInfo.getInstance(info.getPolicyQualifiers().getObjectAt(i));
            if (PolicyQualifierId.id_qt_unotice.equals(q.getPolicyQualifierId())) {
                UserNotice userNotice = UserNotice.getInstance(q.getQualifier());
                if (userNotice.getExplicitText() == null || !notice.equals(userNotice.getExplicitText().getString())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void require(X500Name subject, ASN1ObjectIdentifier oid, String id, List<String> failures) {
        if (value(subject, oid) == null) {
            failures.add(id);
        }
    }

    private static String value(X500Name subject, ASN1ObjectIdentifier oid) {
        RDN[] rdns = subject.getRDNs(oid);
        if (rdns.length == 0 || !(rdns[0].getFirst().getValue() instanceof ASN1String s)) {
            return null;
        }
        String v = s.getString();
        return v == null || v.isBlank() ? null : v;
    }
}
