package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamlInstantTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-22T10:15:30Z,            2026-11-22T10:15:30Z",
            "2026-11-22T10:15:30.123Z,        2026-11-22T10:15:30.123Z",
            "2026-11-22T10:15:30.123456,      2026-11-22T10:15:30.123456Z",
            "2026-11-22T10:15:30,             2026-11-22T10:15:30Z",
            "' 2026-11-22T10:15:30.1Z ',      2026-11-22T10:15:30.100Z"})
    void utcTimesWithOrWithoutFractionAndZoneAreRead(String value, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), SamlInstant.parse(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2018-09-04", "2026-11-22 10:15:30Z", "2026-11-22T10:15Z", "2026-11-22T10:15:30+01:00",
            "2026-02-30T10:15:30Z", "2026-11-22T25:15:30Z", "2026-11-22T10:15:30.1234567890Z", "yesterday",
            "2026-11-22T10:15:30.", "2026-11-22T10:15:30ZZ", "2026-11-22T10:15:30.12a", "2026-11-22T10:15:60Z",
            "2026-11-22T24:00:00Z", "\uff12026-11-22T10:15:30Z", "2026-11-22T10:15:30.1Z.", "2026-11-22t10:15:30Z"})
    void otherTextIsNotASamlTime(String value) {
        assertTrue(SamlInstant.parse(value).isEmpty(), value);
    }
}
