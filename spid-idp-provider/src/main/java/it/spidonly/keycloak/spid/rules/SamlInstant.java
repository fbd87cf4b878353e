package it.spidonly.keycloak.spid.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SAML time (xs:dateTime in UTC, SAML core 1.3.3): {@code 2026-11-22T10:15:30Z}, with up to nine fractional
 * digits ({@code .123}, {@code .123456}) and with or without the {@code Z}. AgID's conformance tool sends
 * {@code IssueInstant} with microseconds and no zone and expects it accepted (spid-sp-test, response 110). Other
 * offsets are not UTC and are refused, as are dates that do not exist.
 */
public final class SamlInstant {
    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z?");

    private SamlInstant() {
    }

    public static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (!FORMAT.matcher(v).matches()) {
            return Optional.empty();
        }
        try {
            String local = v.endsWith("Z") ? v.substring(0, v.length() - 1) : v;
            return Optional.of(LocalDateTime.parse(local).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
