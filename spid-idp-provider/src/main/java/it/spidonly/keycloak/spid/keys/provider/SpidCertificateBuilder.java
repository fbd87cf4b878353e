package it.spidonly.keycloak.spid.keys.provider;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DisplayText;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.UserNotice;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import it.spidonly.keycloak.spid.keys.AgidCertificatePolicies;

/**
 * A self-signed certificate of the AgID SP certificate profile (Avviso SPID n. 29 v3): SHA-256 with RSA,
 * basicConstraints CA:false, keyUsage (critical) digitalSignature + nonRepudiation, certificatePolicies with
 * agIDcert and the sector's SP policy, each with its user notice. The same certificate can be sent to AgID.
 */
final class SpidCertificateBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SpidCertificateBuilder() {
    }

    static X509Certificate selfSigned(KeyPair keys, SpidCertificateSubject subject, Instant notBefore, Duration validity) {
        X500Name name = subject.toX500Name();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notBefore.plus(validity)), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation[] {
                policy(AgidCertificatePolicies.AGID_CERT, AgidCertificatePolicies.AGID_CERT_NOTICE),
                policy(AgidCertificatePolicies.sectorPolicy(subject.type()), AgidCertificatePolicies.sectorNotice(subject.type())) }));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the SPID SP certificate", e);
        }
    }

    private static PolicyInformation policy(ASN1ObjectIdentifier oid, String notice) {
        UserNotice userNotice = new UserNotice(null, new DisplayText(DisplayText.CONTENT_TYPE_UTF8STRING, notice));
        return new PolicyInformation(oid, new DERSequence(new PolicyQualifierInfo(PolicyQualifierId.id_qt_unotice, userNotice)));
    }
}
