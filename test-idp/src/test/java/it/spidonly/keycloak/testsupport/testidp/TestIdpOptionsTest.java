package it.spidonly.keycloak.testsupport.testidp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The runnable test IdP's command line. */
class TestIdpOptionsTest {

    @Test
    void helpAndDefaults() {
        assertNull(TestIdpOptions.parse("--help"));
        TestIdpOptions defaults = TestIdpOptions.parse();
        assertEquals(8190, defaults.firstPort());
        assertEquals(3, defaults.spidCount());
    }

    @Test
    void everyOption() {
        TestIdpOptions o = TestIdpOptions.parse("--port", "0", "--spid", "2", "--sp-metadata", "http://kc/realms/r/spid/metadata",
                "--ficep", "--eidas-node", "http://kc/realms/r/broker/eidas-at/endpoint/descriptor", "--eidas-node-country", "Austria");
        assertEquals(0, o.firstPort());
        assertEquals(2, o.spidCount());
        assertTrue(o.ficep());
        assertEquals("http://kc/realms/r/spid/metadata", o.spMetadataUrl());
        assertEquals("Austria", o.eidasNodeCountry());
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertEquals("Unknown option --nope", assertThrows(IllegalArgumentException.class, () -> TestIdpOptions.parse("--nope", "x")).getMessage());
        assertEquals("Missing value for --port", assertThrows(IllegalArgumentException.class, () -> TestIdpOptions.parse("--port")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestIdpOptions.parse("--spid", "many"));
        assertThrows(IllegalArgumentException.class, () -> TestIdpOptions.parse("--spid", "12"));
    }
}
