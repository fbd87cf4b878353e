package it.spidonly.keycloak.bench.load;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies of one login, all from one loopback host: name to value, sent back on every request like a
 * browser treats loopback as a secure origin (Keycloak marks its cookies {@code Secure} even on plain http).
 * Paths are ignored: every Keycloak cookie of a login is scoped to {@code /realms/{realm}/}, the only path
 * the driver visits. One per login, never shared between threads.
 */
final class Cookies {
    private final Map<String, String> values = new LinkedHashMap<>();

    void store(List<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            if (value.isEmpty() || expired(parts)) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        }
    }

    /** The {@code Cookie} header value, or empty. */
    String header() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static boolean expired(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            if (attribute.startsWith("max-age=")) {
                try {
                    return Long.parseLong(attribute.substring(8).trim()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            if (attribute.startsWith("expires=")) {
                try {
                    String date = parts[i].trim().substring(8).trim().replace('-', ' ');
                    return !ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isAfter(Instant.now());
                } catch (DateTimeParseException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
