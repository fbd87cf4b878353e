package it.spidonly.keycloak.cutover.fiscal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;

/**
 * An Italian person's fiscal code (codice fiscale, D.M. 23 dicembre 1976): 16 characters, digit positions possibly
 * replaced by the letters L-V (omocodia), the last one a check character. Read the way people type it: spaces and
 * case do not matter, and SPID's {@code TINIT-} prefix is dropped.
 */
public final class FiscalCode {
    /** Outcome of reading what a person typed. */
    public enum Check {
        VALID, MISSING, FORMAT, CHECK_CHARACTER
    }

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");
    /** Values of the characters in odd positions (1st, 3rd, ... 15th): 0-9 then A-Z. */
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    private static final String TINIT = "TINIT-";

    private FiscalCode() {
    }

    /** Upper case, without spaces and without {@code TINIT-}; empty for nothing typed. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (code.startsWith(TINIT)) {
            code = code.substring(TINIT.length());
        }
        return code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    public static Check check(String typed) {
        Optional<String> code = normalise(typed);
        if (code.isEmpty()) {
            return Check.MISSING;
        }
        if (!SHAPE.matcher(code.get()).matches()) {
            return Check.FORMAT;
        }
        return checkCharacter(code.get()) == code.get().charAt(15) ? Check.VALID : Check.CHECK_CHARACTER;
    }

    /**
     * What may go into an event or a log line above debug: a typed value shaped like a fiscal code (whatever its
     * check character) is masked ({@code VRD***1U}); anything else, e.g. a legacy user ID, is kept.
     */
    public static String forLogs(String typed) {
        Optional<String> code = normalise(typed);
        if (code.isPresent() && SHAPE.matcher(code.get()).matches()) {
            return SpidAttributeValues.mask(code.get());
        }
        return typed == null ? null : typed.trim();
    }

    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = code.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            // positions are counted from 1: index 0 is the 1st, an odd position
            sum += i % 2 == 0 ? ODD[index] : (Character.isDigit(c) ? c - '0' : c - 'A');
        }
        return (char) ('A' + sum % 26);
    }
}
