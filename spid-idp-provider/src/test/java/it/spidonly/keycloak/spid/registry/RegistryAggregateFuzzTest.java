package it.spidonly.keycloak.spid.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Issue 16, fuzzing: AgID's registry aggregate as {@code RegistryRefresh} reads it, verified (root, validUntil,
 * signature against AgID's certificate) and as a local file an admin trusts (no signature). The only way out is a
 * {@link RegistryRejected}; anything else is a finding. Seeds: {@code RegistryAggregateFuzzTestInputs/}.
 */
class RegistryAggregateFuzzTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final List<X509Certificate> AGID = List.of(certificate());

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"<md:EntitiesDescriptor ", "<md:EntityDescriptor ", "<md:IDPSSODescriptor ", "validUntil=\"",
            "xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"", "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"",
            "<ds:Signature>", "<ds:X509Certificate>", "<md:SingleSignOnService ", "<!DOCTYPE"})
    void aggregatesAreReadOrRejected(byte[] xml) {
        try {
            RegistryAggregate.verify(xml, AGID, NOW);
        } catch (RegistryRejected rejected) {
            // refused: the refresh records the reason and changes no IdP
        }
        try {
            RegistryAggregate.trusted(xml);
        } catch (RegistryRejected rejected) {
            // refused
        }
    }

    private static X509Certificate certificate() {
        try (InputStream in = RegistryAggregateFuzzTest.class.getResourceAsStream(
                "/spid-registry/agid-spid-registry-metadata-signing_2024-06-25_2034-06-24.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
