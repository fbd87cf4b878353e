package it.spidonly.keycloak.spid.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared fiscal-code checks: one valid code per kind, then one change per case. */
class CodiceFiscaleTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "RSSMRA80A01H501U, true",
            "BNCGLI92L55F205A, true",
            "RSSMRA80A01H50MM, true",
            "RSSMRAULALMHRLMD, true",
            "RSSMRA80A01H501A, false",
            "RSSMRA80A01H50MU, false",
            "RSSMRA80Z01H501U, false",
            "RSSMRA80A01H501, false",
            "rssmra80a01h501u, false",
            "12345678903, true",
            "00000000000, true",
            "12345678901, false",
            "1234567890, false",
            "1234567890A, false",
            "'', false"})
    void validity(String code, boolean valid) {
        assertEquals(valid, CodiceFiscale.isValid(code));
    }
}
