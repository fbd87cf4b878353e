package it.spidonly.keycloak.spid.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * A SAML time (xs:dateTime in UTC, SAML core 1.3.3): {@code 2026-11-22T10:15:30Z}, with up to nine fractional
 * digits ({@code .123}, {@code .123456}) and with or without the {@code Z}. AgID's conformance tool sends
 * {@code IssueInstant} with microseconds and no zone and expects it accepted (spid-sp-test, response 110). Other
 * offsets are not UTC and are refused, as are dates that do not exist.
 */
public final class SamlInstant {
    private static final int DATE_TIME_LENGTH = "2026-11-22T10:15:30".length();

    private SamlInstant() {
    }

    /**
     * Read by hand, character by character (issue 19: a Response has about ten instants, some read by three rules;
     * a pattern and {@code LocalDateTime.parse} per reading were a tenth of the rule chain's time). The calendar
     * checks are {@link LocalDateTime#of}'s.
     */
    public static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        int end = v.endsWith("Z") ? v.length() - 1 : v.length();
        if (end < DATE_TIME_LENGTH || !shaped(v) || (end > DATE_TIME_LENGTH && !fraction(v, end))) {
            return Optional.empty();
        }
        int nanos = 0;
        if (end > DATE_TIME_LENGTH) {
            int digits = end - DATE_TIME_LENGTH - 1;
            nanos = number(v, DATE_TIME_LENGTH + 1, end);
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        try {
            return Optional.of(LocalDateTime.of(number(v, 0, 4), number(v, 5, 7), number(v, 8, 10), number(v, 11, 13),
                    number(v, 14, 16), number(v, 17, 19), nanos).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} at the start, ASCII digits only. */
    private static boolean shaped(String v) {
        for (int i = 0; i < DATE_TIME_LENGTH; i++) {
            char c = v.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code .} and one to nine ASCII digits from the seconds to {@code end}. */
    private static boolean fraction(String v, int end) {
        int digits = end - DATE_TIME_LENGTH - 1;
        if (v.charAt(DATE_TIME_LENGTH) != '.' || digits < 1 || digits > 9) {
            return false;
        }
        for (int i = DATE_TIME_LENGTH + 1; i < end; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }
}
