package it.spidonly.keycloak.spid.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** AgID's real registry aggregates (copies with provenance in src/main/resources/spid-registry). */
class RegistryAggregateTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final String CURRENT = "/spid-registry/spid-entities-idps.2025-11-24.xml";
    private static final String AGID_CERT = "/spid-registry/agid-spid-registry-metadata-signing_2024-06-25_2034-06-24.pem";

    @Test
    void theRealAggregateVerifiesWithAgidsCertificateAndListsTwelveIdps() {
        RegistryAggregate registry = RegistryAggregate.verify(bytes(CURRENT), List.of(cert(AGID_CERT)), NOW);
        assertEquals(12, registry.idps().size());
        RegistryIdp poste = registry.idps().stream().filter(i -> i.entityId().equals("https://posteid.poste.it")).findFirst().orElseThrow();
        assertTrue(poste.ssoPostUrl() != null || poste.ssoRedirectUrl() != null, "an SSO endpoint");
        assertTrue(!poste.signingCertificates().isEmpty(), "its signing certificates");
        assertTrue(registry.idps().stream().allMatch(i -> i.displayName() != null && !i.displayName().isBlank()));
    }

    @Test
    void anOlderAggregateVerifiesWithTheCertificateOfItsTime() {
        RegistryAggregate registry = RegistryAggregate.verify(bytes("/registry/spid-entities-idps.2022-09-13.xml"),
                List.of(cert("/registry/agid-progetto-spid_2020-02-18_2040-02-17.pem")), NOW);
        assertEquals(10, registry.idps().size());
    }

    @Test
    void anAggregateResignedWithAPublicTestKeyIsRefused() {
        RegistryRejected refused = assertThrows(RegistryRejected.class, () -> RegistryAggregate.verify(
                bytes("/registry/NEGATIVE-spid-entities-idps.2023-12-19.resigned-with-public-test-key.xml"), List.of(cert(AGID_CERT)), NOW));
        assertEquals("spidRegistryBadSignature", refused.reason());
    }

    @Test
    void aTamperedAggregateIsRefused() {
        String xml = new String(bytes(CURRENT), StandardCharsets.UTF_8).replace("https://posteid.poste.it", "https://posteid.evil.example");
        RegistryRejected refused = assertThrows(RegistryRejected.class,
                () -> RegistryAggregate.verify(xml.getBytes(StandardCharsets.UTF_8), List.of(cert(AGID_CERT)), NOW));
        assertEquals("spidRegistryBadSignature", refused.reason());
    }

    @Test
    void anUnsignedAggregateIsRefused() {
        String xml = new String(bytes(CURRENT), StandardCharsets.UTF_8).replaceFirst("(?s)<ds:Signature.*?</ds:Signature>", "");
        RegistryRejected refused = assertThrows(RegistryRejected.class,
                () -> RegistryAggregate.verify(xml.getBytes(StandardCharsets.UTF_8), List.of(cert(AGID_CERT)), NOW));
        assertEquals("spidRegistryUnsigned", refused.reason());
    }

    @Test
    void anExpiredAggregateIsRefusedBeforeAnythingElse() {
        String xml = new String(bytes(CURRENT), StandardCharsets.UTF_8)
                .replaceFirst("ID=\"_fce24946", "validUntil=\"2025-01-01T00:00:00Z\" ID=\"_fce24946");
        RegistryRejected refused = assertThrows(RegistryRejected.class,
                () -> RegistryAggregate.verify(xml.getBytes(StandardCharsets.UTF_8), List.of(cert(AGID_CERT)), NOW));
        assertEquals("spidRegistryExpired", refused.reason());
    }

    @Test
    void aDocumentWithADoctypeIsRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        RegistryRejected refused = assertThrows(RegistryRejected.class,
                () -> RegistryAggregate.verify(xml.getBytes(StandardCharsets.UTF_8), List.of(cert(AGID_CERT)), NOW));
        assertEquals("spidRegistryNotXml", refused.reason());
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = RegistryAggregateTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private static X509Certificate cert(String resource) {
        try (InputStream in = RegistryAggregateTest.class.getResourceAsStream(resource)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
