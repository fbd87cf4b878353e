package it.spidonly.keycloak.testsupport.idp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestUserTest {

    /** Values of 0-9 / A-Z in odd positions (digits map like the letter of the same index). */
    private static final int[] ODD_VALUES = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
        10, 22, 25, 24, 23};

    @Test
    void demoUsersAreFictitiousCitizensWithValidFiscalNumbers() {
        List<TestUser> users = TestUser.demoUsers();

        assertTrue(users.size() >= 3);
        assertTrue(users.stream().anyMatch(u -> u.attribute("email") == null), "one demo user has no email");
        for (TestUser user : users) {
            String fiscalNumber = user.attribute("fiscalNumber");
            assertTrue(fiscalNumber.matches("TINIT-[A-Z]{6}\\d{2}[A-EHLMPRST]\\d{2}[A-Z]\\d{3}[A-Z]"), fiscalNumber);
            assertEquals(checkCharacter(fiscalNumber.substring(6, 21)), fiscalNumber.charAt(21), fiscalNumber);
            assertTrue(user.attribute("dateOfBirth").matches("\\d{4}-\\d{2}-\\d{2}"));
        }
    }

    @Test
    void loadsUsersFromJson() {
        String json = """
                [{"username": "a", "password": "b", "spidLevel": 3, "attributes": {"name": "Anna", "familyName": "Neri"}}]""";

        TestUser user = TestUser.loadJson(new ByteArrayInputStream(json.getBytes(UTF_8))).get(0);

        assertEquals("a", user.username());
        assertEquals(3, user.spidLevel());
        assertEquals(List.of("name", "familyName"), List.copyOf(user.attributes().keySet()));
    }

    @Test
    void refusesLevelsOutsideSpid() {
        assertThrows(IllegalArgumentException.class, () -> new TestUser("a", "b", 4, Map.of()));
    }

    /** The codice fiscale check character (DM 23/12/1976): odd positions by table, even ones by value. */
    private static char checkCharacter(String first15) {
        int sum = 0;
        for (int i = 0; i < first15.length(); i++) {
            char c = first15.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? ODD_VALUES[value] : value;
        }
        return (char) ('A' + sum % 26);
    }
}
