package it.spidonly.keycloak.eidas.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonIdentifierTest {

    @ParameterizedTest(name = "{0} comes from {1}")
    @CsvSource({
            "ES/IT/02635542Y, ES",
            "EL/IT/GR1234567890, GR",
            "DE/IT/c2a1e8d4-5b7f-4e0a-9c3d-1f2e3a4b5c6d, DE",
            "NO/IT/abc/def, NO"})
    void originCountryIsTheFirstSegmentWithGreeceInIso(String raw, String country) {
        PersonIdentifier person = PersonIdentifier.parse(raw).orElseThrow();
        assertEquals(country, person.originIsoCountry());
        assertEquals("IT", person.destinationCountry());
        assertEquals(raw, person.value(), "kept exactly as received");
    }

    @Test
    void keepsTheCaseOfTheOpaquePartButTheUsernameIsLowerCase() {
        PersonIdentifier person = PersonIdentifier.parse("DE/IT/AbC123").orElseThrow();
        assertEquals("DE/IT/AbC123", person.value());
        assertEquals("de/it/abc123", person.username());
    }

    @ParameterizedTest(name = "refused: \"{0}\"")
    @ValueSource(strings = {"", "RSSMRA80A01H501U", "TIDP0000000001", "es/IT/1", "ESP/IT/1", "ES/IT/", "ES/IT/ 1", "ES-IT-1", "ES/IT//x"})
    void notAPersonIdentifier(String raw) {
        assertFalse(PersonIdentifier.parse(raw).isPresent());
    }

    @Test
    void maskedShowsNoIdentifier() {
        String masked = PersonIdentifier.parse("ES/IT/02635542Y").orElseThrow().masked();
        assertEquals("ES/IT/***2Y", masked);
        assertTrue(!masked.contains("026355"));
    }
}
