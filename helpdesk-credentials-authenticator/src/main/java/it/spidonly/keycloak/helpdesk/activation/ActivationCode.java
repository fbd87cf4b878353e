package it.spidonly.keycloak.helpdesk.activation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The one-time activation code (helpdesk.md, Activation): 16 characters from a 32-letter alphabet without
 * look-alikes (80 bits, above the 64 bits asked of a code sent by e-mail), shown as {@code XXXX-XXXX-XXXX-XXXX}.
 * Stored only as SHA-256 over a random salt and the normalised code: a slow hash adds nothing for 80 random bits.
 */
public final class ActivationCode {
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 16;

    private ActivationCode() {
    }

    /** A fresh code, grouped by four for reading. */
    public static String generate(SecureRandom random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** What the user typed, as it was generated: upper case, no spaces or dashes. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    public static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    /** Base64 of SHA-256(salt || normalised code). */
    public static String hash(String code, byte[] salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(normalise(code).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Constant-time comparison of the typed code with the stored hash. */
    public static boolean matches(String typed, byte[] salt, String storedHash) {
        return MessageDigest.isEqual(hash(typed, salt).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
