package it.spidonly.keycloak.testsupport.idp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a query string or an {@code application/x-www-form-urlencoded} body. Keeps each value exactly as
 * received (still percent-encoded) besides the decoded one: the HTTP-Redirect signature covers the raw values. For a
 * repeated name the first occurrence counts.
 */
final class FormParameters {

    private final Map<String, String> raw;

    private FormParameters(Map<String, String> raw) {
        this.raw = raw;
    }

    static FormParameters parse(String encoded) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                raw.putIfAbsent(name, equals < 0 ? "" : pair.substring(equals + 1));
            }
        }
        return new FormParameters(Collections.unmodifiableMap(raw));
    }

    /** The value as received (percent-encoded), or null. */
    String raw(String name) {
        return raw.get(name);
    }

    /** The decoded value, or null. */
    String get(String name) {
        String value = raw.get(name);
        return value == null ? null : decode(value);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SamlRequestRejected("Badly percent-encoded parameter", e);
        }
    }
}
