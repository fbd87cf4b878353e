package it.spidonly.keycloak.spid.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FiscalCodeMaskTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RSSMRA80A01H501U|RSS***1U",
            "rssmra80a01h501u|RSS***1U",
            "TINIT-RSSMRA80A01H501U|TINIT-RSS***1U",
            "tinit-rssmra80a01h501u|tinit-RSS***1U",
            "username=\"prshjk80a01h501q\", identity_provider_identity=\"TINIT-PRSHJK80A01H501Q\"|username=\"PRS***1Q\", identity_provider_identity=\"TINIT-PRS***1Q\"",
            "omocodia RSSMRA80A01H50MU end|omocodia RSS***MU end",
            "wrong check character RSSMRA80A01H501Z|wrong check character RSS***1Z",
            "anna.ferri|anna.ferri",
            "ABCDEFGHIJKLMNOPQRST|ABCDEFGHIJKLMNOPQRST",
            "6f1e2c8a-1111-2222-3333-444455556666|6f1e2c8a-1111-2222-3333-444455556666",
            "XRSSMRA80A01H501U|XRSSMRA80A01H501U"})
    void masksEveryFiscalCodeShapeAndNothingElse(String text, String logged) {
        assertEquals(logged, FiscalCodeMask.in(text));
    }

    @Test
    void nullStaysNull() {
        assertNull(FiscalCodeMask.in(null));
    }
}
