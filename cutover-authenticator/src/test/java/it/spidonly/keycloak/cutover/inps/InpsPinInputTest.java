package it.spidonly.keycloak.cutover.inps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InpsPinInputTest {
    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "RSSMRA80A01H501U, Ab3dE5g7,         OK",
            "rssmra80a01h501u, Ab3dE5g7Ab3dE5g7, OK",
            "null,             Ab3dE5g7,         FISCAL_CODE_MISSING",
            "RSSMRA80A01H501A, Ab3dE5g7,         FISCAL_CODE_INVALID",
            "mario.rossi,      Ab3dE5g7,         FISCAL_CODE_INVALID",
            "RSSMRA80A01H501U, null,             PIN_MISSING",
            "RSSMRA80A01H501U, '',               PIN_MISSING",
            "RSSMRA80A01H501U, short7,           PIN_FORMAT",
            "RSSMRA80A01H501U, Ab3dE5g7Ab3dE5g7X, PIN_FORMAT",
            "RSSMRA80A01H501U, 'Ab3d E5g7',      PIN_FORMAT",
            "RSSMRA80A01H501U, Ab3d-E5g7,        PIN_FORMAT",
            // the fiscal code is checked first: both wrong names the fiscal code
            "RSSMRA80A01H501A, x,                FISCAL_CODE_INVALID"})
    void inputIsCheckedBeforeInpsIsAsked(String fiscalCode, String pin, String expected) {
        assertEquals(expected, InpsPinInput.problem(fiscalCode, pin).map(Enum::name).orElse("OK"));
    }
}
