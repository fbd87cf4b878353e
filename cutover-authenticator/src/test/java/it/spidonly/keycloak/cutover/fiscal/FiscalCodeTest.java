package it.spidonly.keycloak.cutover.fiscal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiscalCodeTest {
    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(nullValues = "null", value = {
            "RSSMRA80A01H501U,         VALID",
            "RSSMRA85T10A562S,         VALID",
            "rssmra80a01h501u,         VALID",
            "' RSS MRA 80A01 H501U ',  VALID",
            "TINIT-RSSMRA80A01H501U,   VALID",
            // omocodia: the last digit of the town code replaced by its letter, check letter recomputed
            "RSSMRA80A01H50MM,         VALID",
            "RSSMRA80A01H501A,         CHECK_CHARACTER",
            "RSSMRA80A01H50MU,         CHECK_CHARACTER",
            "RSSMRA80A01H501,          FORMAT",
            "RSSMRA80A01H501UU,        FORMAT",
            "RSSMRA80Z01H501U,         FORMAT",
            "12345678901,              FORMAT",
            "RSSMRA80A01H5O1U,         FORMAT",
            "null,                     MISSING",
            "'   ',                    MISSING"})
    void checksWhatPeopleType(String typed, FiscalCode.Check expected) {
        assertEquals(expected, FiscalCode.check(typed));
    }

    @ParameterizedTest
    @CsvSource({"rssmra80a01h501u", "TINIT-RSSMRA80A01H501U", "tinit-rssmra80a01h501u", "' RSSMRA80A01H501U'"})
    void normalisesToUpperCaseWithoutPrefixOrSpaces(String typed) {
        assertEquals(Optional.of("RSSMRA80A01H501U"), FiscalCode.normalise(typed));
    }

    @ParameterizedTest(name = "\"{0}\" in logs: {1}")
    @CsvSource(nullValues = "null", value = {
            "RSSMRA80A01H501U,       RSS***1U",
            "tinit-rssmra80a01h501u, RSS***1U",
            "RSSMRA80A01H501A,       RSS***1A",
            "anna.ferri,             anna.ferri",
            "' anna.ferri ',         anna.ferri",
            "null,                   null"})
    void fiscalCodesAreMaskedForLogsAndOtherUsernamesAreNot(String typed, String expected) {
        assertEquals(expected, FiscalCode.forLogs(typed));
    }
}
