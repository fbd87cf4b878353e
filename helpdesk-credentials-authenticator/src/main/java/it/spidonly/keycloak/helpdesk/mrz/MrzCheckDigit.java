package it.spidonly.keycloak.helpdesk.mrz;

/**
 * ICAO Doc 9303 Part 3, 4.9: the check digit of an MRZ field. Digits count 0-9, letters A-Z count 10-35,
 * the filler {@code <} counts 0; weights 7, 3, 1 repeating; the sum modulo 10.
 */
public final class MrzCheckDigit {
    private static final int[] WEIGHTS = {7, 3, 1};

    private MrzCheckDigit() {
    }

    /** The check digit of {@code field}; throws for a character outside {@code 0-9 A-Z <}. */
    public static int of(CharSequence field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += value(field.charAt(i)) * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** True when {@code digit} (a character of the MRZ) is the check digit of {@code field}. */
    public static boolean matches(CharSequence field, char digit) {
        return digit >= '0' && digit <= '9' && of(field) == digit - '0';
    }

    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("Not an MRZ character: " + (int) c);
    }
}
