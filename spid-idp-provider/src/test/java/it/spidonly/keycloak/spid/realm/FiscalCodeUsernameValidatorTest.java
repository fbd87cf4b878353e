package it.spidonly.keycloak.spid.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiscalCodeUsernameValidatorTest {

    @ParameterizedTest
    @CsvSource({
            "prshjk80a01h501q, true",
            "PRSHJK80A01H501Q, true",
            "tinit-prshjk80a01h501q, true",
            "TINIT-RSSMRA80A01H501U, true",
            "rssmra80a01hm0lu, true",   // omocodia
            "12345678901, true",
            "tinit-12345678901, true",
            "mario.rossi, false",
            "prshjk80a01h501, false",
            "prshjk80a01h501qq, false",
            "1234567890, false",
            "mario.rossi.cliclavoro, false"})
    void usernamesShapedLikeAFiscalCodeAreReserved(String username, boolean reserved) {
        assertEquals(reserved, FiscalCodeUsernameValidator.reserved(username));
    }
}
