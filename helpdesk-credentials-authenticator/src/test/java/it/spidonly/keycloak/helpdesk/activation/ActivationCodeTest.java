package it.spidonly.keycloak.helpdesk.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class ActivationCodeTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void codesHaveEightyBitsInFourGroups() {
        String code = ActivationCode.generate(random);
        assertTrue(code.matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}"), code);
        assertEquals(32, ActivationCode.ALPHABET.length(), "5 bits per character, 16 characters");
        assertFalse(code.matches(".*[01IO].*"), "no look-alikes: " + code);
    }

    @Test
    void theHashMatchesOnlyTheSameCodeTypedLoosely() {
        String code = ActivationCode.generate(random);
        byte[] salt = ActivationCode.newSalt(random);
        String hash = ActivationCode.hash(code, salt);
        assertTrue(ActivationCode.matches(code, salt, hash));
        assertTrue(ActivationCode.matches(" " + code.toLowerCase().replace("-", " ") + " ", salt, hash));
        String other = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
        assertFalse(ActivationCode.matches(other, salt, hash));
        assertNotEquals(hash, ActivationCode.hash(code, ActivationCode.newSalt(random)), "salted");
        assertFalse(hash.contains(code.replace("-", "")));
    }
}
