package it.spidonly.keycloak.helpdesk.proofing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import it.spidonly.keycloak.helpdesk.eligibility.IssuingState;

/**
 * The duplicate key of a document: issuing state (alpha-2) and number, normalised (upper case, letters and digits
 * only). Stored hashed ({@code SHA-256}, hex) in the searchable user attribute {@code helpdesk.documentKey}, so
 * the key itself never shows in attribute searches, logs or events.
 */
public final class DocumentKey {
    private DocumentKey() {
    }

    public static String normaliseNumber(String number) {
        return number == null ? "" : number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    public static String of(IssuingState state, String number) {
        String key = (state.alpha2().isEmpty() ? state.code() : state.alpha2()) + ":" + normaliseNumber(number);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
