package it.spidonly.keycloak.helpdesk.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** helpdesk.md, first login: >= 8 characters, 64 allowed, a block list, no composition rules. */
class PasswordRulesTest {
    @ParameterizedTest
    @CsvSource({
            "'', helpdesk.password.too-short", "seven77, helpdesk.password.too-short",
            "password, helpdesk.password.blocked", "Password123, helpdesk.password.blocked", "12345678, helpdesk.password.blocked",
            "my-hd-abcdefgh-pass, helpdesk.password.personal"})
    void refused(String password, String key) {
        assertEquals(key, PasswordRules.check(password, "hd-abcdefgh", "ann@example.org").orElseThrow().key());
    }

    @ParameterizedTest
    @CsvSource({"correct horse battery", "alllowercaseletters", "eightchr", "Ünïcødé-Pässwörd"})
    void acceptedWithoutCompositionRules(String password) {
        assertTrue(PasswordRules.check(password, "hd-abcdefgh", "ann@example.org").isEmpty(), password);
    }

    @ParameterizedTest
    @CsvSource({"64, true", "65, false"})
    void upToSixtyFourCharacters(int length, boolean accepted) {
        String password = "x".repeat(length - 1) + "y";
        assertEquals(accepted, PasswordRules.check(password, "hd-abcdefgh", "ann@example.org").isEmpty());
    }
}
