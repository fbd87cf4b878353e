package it.spidonly.keycloak.spid.keys.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.UserNotice;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;

import it.spidonly.keycloak.spid.keys.AgidCertificatePolicies;
import it.spidonly.keycloak.spid.keys.SpidCertificateProfile;
import it.spidonly.keycloak.spid.sp.ServiceProviderConfigs;
import it.spidonly.keycloak.spid.sp.SpType;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/** Avviso SPID n. 29 v3, "Profilo dei certificati": the checks of AgID's certificate checker, one by one. */
class SpidCertificateProfileTest {
    private static KeyPair keys3072;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        keys3072 = generator.generateKeyPair();
    }

    /** Issue 15 finding 9: a realm's default key (Keycloak's generated RSA key: v1, CN=realm, 2048 bits). */
    @Test
    void aRealmsDefaultKeyFailsEightChecksOfTheProfile() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=ministero");
        X509Certificate keycloakDefault = new JcaX509CertificateConverter().getCertificate(new JcaX509v1CertificateBuilder(
                name, BigInteger.ONE, new Date(), Date.from(Instant.now().plus(Duration.ofDays(3650))), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        assertEquals(List.of("cert.subject.organization", "cert.subject.locality", "cert.subject.uri", "cert.subject.country",
                "cert.subject.organization-identifier", "cert.basic-constraints", "cert.key-usage", "cert.certificate-policies"),
                SpidCertificateProfile.failures(keycloakDefault, SpType.PUBLIC));
    }

    @Test
    void aPublicSpCertificateFollowsTheProfile() throws Exception {
        X509Certificate certificate = generated(ServiceProviderConfigs.validPublic());
        assertEquals(List.of(), SpidCertificateProfile.failures(certificate, SpType.PUBLIC));

        assertEquals(3072, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
        assertEquals("SHA256WITHRSA", certificate.getSigAlgName().toUpperCase());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal(), "self-signed");
        certificate.verify(certificate.getPublicKey());

        X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
        X500Name subject = holder.getSubject();
        assertEquals("Ministero del Lavoro", value(subject, BCStyle.CN));
        assertEquals("Ministero del Lavoro e delle Politiche Sociali", value(subject, BCStyle.O));
        assertEquals("PA:IT-m_lps", value(subject, AgidCertificatePolicies.ORGANIZATION_IDENTIFIER));
        assertEquals("https://sp.lavoro.example/spid", value(subject, AgidCertificatePolicies.URI));
        assertEquals("Roma", value(subject, BCStyle.L));
        assertEquals("IT", value(subject, BCStyle.C));

        assertEquals(-1, certificate.getBasicConstraints(), "CA:false");
        assertFalse(holder.getExtension(Extension.basicConstraints).isCritical());
        assertTrue(holder.getExtension(Extension.keyUsage).isCritical());
        assertEquals(KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                KeyUsage.getInstance(holder.getExtension(Extension.keyUsage).getParsedValue()).getBytes()[0] & 0xff);
        assertFalse(holder.getExtension(Extension.certificatePolicies).isCritical());
        CertificatePolicies policies = CertificatePolicies.getInstance(holder.getExtension(Extension.certificatePolicies).getParsedValue());
        assertEquals("agIDcert", notice(policies.getPolicyInformation(AgidCertificatePolicies.AGID_CERT)));
        assertEquals("cert_SP_Pub", notice(policies.getPolicyInformation(new ASN1ObjectIdentifier("1.3.76.16.4.2.1"))));
        assertNull(policies.getPolicyInformation(new ASN1ObjectIdentifier("1.3.76.16.4.3.1")));
    }

    @Test
    void aPrivateSpCertificateCarriesItsVatNumberAndThePrivatePolicy() throws Exception {
        X509Certificate certificate = generated(ServiceProviderConfigs.validPrivate());
        assertEquals(List.of(), SpidCertificateProfile.failures(certificate, SpType.PRIVATE));
        X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
        assertEquals("VATIT-12345678901", value(holder.getSubject(), AgidCertificatePolicies.ORGANIZATION_IDENTIFIER));
        CertificatePolicies policies = CertificatePolicies.getInstance(holder.getExtension(Extension.certificatePolicies).getParsedValue());
        assertEquals("cert_SP_Priv", notice(policies.getPolicyInformation(new ASN1ObjectIdentifier("1.3.76.16.4.3.1"))));
        assertEquals(List.of("cert.subject.organization-identifier", "cert.certificate-policies"),
                SpidCertificateProfile.failures(certificate, SpType.PUBLIC), "a private SP's certificate is not a public SP's");
    }

    @Test
    void aPrivateSpWithOnlyAFiscalCodeIsIdentifiedByIt() {
        MultivaluedHashMap<String, String> config = ServiceProviderConfigs.validPrivate();
        config.remove("vatNumber");
        config.putSingle("fiscalCode", "RSSMRA80A01H501U");
        SpidCertificateSubject subject = SpidCertificateSubject.of(new SpidServiceProviderConfig(config), "Roma").subject();
        assertEquals("CF:IT-RSSMRA80A01H501U", subject.organizationIdentifier());
    }

    @Test
    void missingSettingsAreNamed() {
        MultivaluedHashMap<String, String> noIpa = ServiceProviderConfigs.validPublic();
        noIpa.remove("ipaCode");
        assertEquals("spidKeyNoOrganizationIdentifier", SpidCertificateSubject.of(new SpidServiceProviderConfig(noIpa), "Roma").problem());
        assertEquals("spidKeyNoLocality", SpidCertificateSubject.of(new SpidServiceProviderConfig(ServiceProviderConfigs.validPublic()), " ").problem());
        assertEquals("spidKeyIncompleteServiceProvider", SpidCertificateSubject.of(new SpidServiceProviderConfig(new MultivaluedHashMap<>()), "Roma").problem());
    }

    private static X509Certificate generated(MultivaluedHashMap<String, String> config) {
        SpidCertificateSubject.Result subject = SpidCertificateSubject.of(new SpidServiceProviderConfig(config), "Roma");
        assertNotNull(subject.subject(), subject.problem());
        return SpidCertificateBuilder.selfSigned(keys3072, subject.subject(), Instant.now(), Duration.ofDays(730));
    }

    private static String value(X500Name name, ASN1ObjectIdentifier oid) {
        return IETFUtils.valueToString(name.getRDNs(oid)[0].getFirst().getValue());
    }

    private static String notice(PolicyInformation info) {
        PolicyQualifierInfo q = PolicyQualifierInfo.getInstance(info.getPolicyQualifiers().getObjectAt(0));
        return UserNotice.getInstance(q.getQualifier()).getExplicitText().getString();
    }
}
