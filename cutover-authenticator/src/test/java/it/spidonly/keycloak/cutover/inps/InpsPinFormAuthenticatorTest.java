package it.spidonly.keycloak.cutover.inps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InpsPinFormAuthenticatorTest {
    @ParameterizedTest(name = "\"{0}\" is shown again as \"{1}\"")
    @CsvSource(nullValues = "null", value = {
            "VRDGPP80A01H501U,                 VRDGPP80A01H501U",
            "' vrdgpp80a01h501u ',             vrdgpp80a01h501u",
            "TINIT-VRDGPP80A01H501U,           TINIT-VRDGPP80A01H501U",
            "'\"><script>alert(1)</script>',   scriptalert1script",
            "VRDGPP80A01H501UVRDGPP80A01H501UVRDGPP, VRDGPP80A01H501UVRDGPP80A01H501U",
            "null,                             ''"})
    void onlyWhatAFiscalCodeCanContainReachesThePageAgain(String typed, String shown) {
        assertEquals(shown, InpsPinFormAuthenticator.redisplayable(typed));
    }
}
