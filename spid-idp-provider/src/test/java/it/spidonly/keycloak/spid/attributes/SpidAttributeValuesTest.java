package it.spidonly.keycloak.spid.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpidAttributeValuesTest {

    @ParameterizedTest
    @CsvSource({
            "fiscalNumber, TINIT-RSSMRA80A01H501U, RSSMRA80A01H501U",
            "fiscalNumber, tinit-rssmra80a01h501u, RSSMRA80A01H501U",
            "fiscalNumber, RSSMRA80A01H501U, RSSMRA80A01H501U",
            "ivaCode, VATIT-12345678901, 12345678901",
            "name, ' Mario ', Mario"})
    void valuesAreStoredInTheirNormalForm(String attribute, String raw, String expected) {
        assertEquals(expected, SpidAttributeValues.normalise(attribute, raw));
    }

    @Test
    void maskedFiscalCodeHidesTheMiddle() {
        String masked = SpidAttributeValues.mask("RSSMRA80A01H501U");
        assertEquals("RSS***1U", masked);
        assertFalse(masked.contains("80A01"));
    }
}
