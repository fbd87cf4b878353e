package it.spidonly.keycloak.spid.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.TestRegistry;

/** Registries re-signed with a test key from the entities of AgID's real aggregate: trust, rotation, logos. */
class TestRegistryAggregateTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final SigningCredential REGISTRY_KEY = SigningCredential.generate("test registry");
    private static final String POSTE = "https://posteid.poste.it";

    @Test
    void aRegistrySignedByTheConfiguredCertificateVerifies() {
        byte[] xml = real().signedWith(REGISTRY_KEY).getBytes(StandardCharsets.UTF_8);
        assertEquals(12, RegistryAggregate.verify(xml, List.of(REGISTRY_KEY.certificate()), NOW).idps().size());
    }

    @Test
    void aRegistrySignedByAnotherKeyIsRefused() {
        byte[] xml = real().signedWith(SigningCredential.generate("someone else")).getBytes(StandardCharsets.UTF_8);
        RegistryRejected refused = assertThrows(RegistryRejected.class,
                () -> RegistryAggregate.verify(xml, List.of(REGISTRY_KEY.certificate()), NOW));
        assertEquals("spidRegistryBadSignature", refused.reason());
    }

    @Test
    void anExpiredSignedRegistryIsRefused() {
        byte[] xml = real().validUntil(Instant.parse("2026-11-01T00:00:00Z")).signedWith(REGISTRY_KEY).getBytes(StandardCharsets.UTF_8);
        RegistryRejected refused = assertThrows(RegistryRejected.class,
                () -> RegistryAggregate.verify(xml, List.of(REGISTRY_KEY.certificate()), NOW));
        assertEquals("spidRegistryExpired", refused.reason());
    }

    @Test
    void aTrustedLocalFileIsReadWithoutASignatureButStillParsedSafely() {
        byte[] unsigned = real().without(POSTE).unsigned().getBytes(StandardCharsets.UTF_8);
        assertEquals(11, RegistryAggregate.trusted(unsigned).idps().size());
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertEquals("spidRegistryNotXml", assertThrows(RegistryRejected.class,
                () -> RegistryAggregate.trusted(doctype.getBytes(StandardCharsets.UTF_8))).reason());
    }

    @Test
    void aRotatedCertificateAndALogoAreRead() {
        SigningCredential rotated = SigningCredential.generate("poste next");
        byte[] xml = real().rotateSigningCertificate(POSTE, rotated.certificateBase64())
                .logo(POSTE, "https://posteid.poste.it/logo.svg").signedWith(REGISTRY_KEY).getBytes(StandardCharsets.UTF_8);
        List<RegistryIdp> idps = RegistryAggregate.verify(xml, List.of(REGISTRY_KEY.certificate()), NOW).idps();
        RegistryIdp poste = idps.stream().filter(i -> i.entityId().equals(POSTE)).findFirst().orElseThrow();
        assertEquals(List.of(rotated.certificateBase64()), poste.signingCertificates());
        assertEquals("https://posteid.poste.it/logo.svg", poste.logoUrl());
        assertNull(idps.stream().filter(i -> !i.entityId().equals(POSTE)).findFirst().orElseThrow().logoUrl());
    }

    @Test
    void aLogoThatIsNotHttpsIsIgnored() {
        byte[] xml = real().logo(POSTE, "http://posteid.poste.it/logo.svg").unsigned().getBytes(StandardCharsets.UTF_8);
        RegistryIdp poste = RegistryAggregate.trusted(xml).idps().stream().filter(i -> i.entityId().equals(POSTE)).findFirst().orElseThrow();
        assertNull(poste.logoUrl());
    }

    private static TestRegistry real() {
        try (InputStream in = TestRegistryAggregateTest.class.getResourceAsStream(RegistrySource.BUNDLED_RESOURCE)) {
            return TestRegistry.entitiesOf(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
