package it.spidonly.keycloak.helpdesk.mrz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ICAO 9303 Part 3, 4.9, on the fields of the ICAO specimens (fixtures/icao/mrz-specimens.txt). */
class MrzCheckDigitTest {
    @ParameterizedTest
    @CsvSource({
            "L898902C3, 6", "740812, 2", "120415, 9", "ZE184226B<<<<<, 1",
            "L898902C3674081221204159ZE184226B<<<<<1, 0",
            "D23145890, 7", "D231458907<<<<<<<<<<<<<<<74081221204159<<<<<<<<<<<, 6",
            "<<<<<<, 0", "520727, 3", "AB2134<<<, 5"})
    void specimenFields(String field, int digit) {
        assertEquals(digit, MrzCheckDigit.of(field));
    }

    @ParameterizedTest
    @CsvSource({"l898902C3", "'L898902C3 '", "L898-02C3"})
    void charactersOutsideTheMrzAlphabetAreRejected(String field) {
        assertThrows(IllegalArgumentException.class, () -> MrzCheckDigit.of(field));
    }
}
