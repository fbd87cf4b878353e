package it.spidonly.keycloak.spid.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Issue 15 finding 8: the bundled registry's IdPs carry their official logos, which the spid-only theme serves. */
class BundledIdpLogosTest {
    private static final Path THEME_IMAGES = Path.of("../themes/src/main/resources/theme/spid-only/login/resources/img/spid");

    @Test
    void everyIdpOfTheBundledRegistryHasALogoTheThemeShips() throws Exception {
        RegistryAggregate bundled;
        try (InputStream in = BundledIdpLogosTest.class.getResourceAsStream("/spid-registry/spid-entities-idps.2025-11-24.xml")) {
            bundled = RegistryAggregate.trusted(in.readAllBytes());
        }
        assertEquals(12, bundled.idps().size());
        for (RegistryIdp idp : bundled.idps()) {
            String logo = BundledIdpLogos.of(idp.entityId()).orElseThrow(() -> new AssertionError("no logo for " + idp.entityId()));
            assertTrue(logo.matches("spid-idp-[a-z]+\\.svg"), logo);
            assertTrue(Files.isRegularFile(THEME_IMAGES.resolve(logo)), "the theme serves " + logo);
        }
        assertEquals(Optional.of("spid-idp-posteid.svg"), BundledIdpLogos.of("https://posteid.poste.it"));
        assertEquals(Optional.empty(), BundledIdpLogos.of("https://idp.unknown.example"));
        assertEquals(Optional.empty(), BundledIdpLogos.of(null));
    }
}
