package it.spidonly.keycloak.testproviders.cutover;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The FreeMarker attributes the cutover issue puts on login form pages, read from this stand-in's authenticator
 * config: {@code cutoverInstant} (ISO-8601 text), {@code cutoverDate} (a display text) and {@code cutoverPassed}
 * (a boolean). A config key that is absent or blank leaves its attribute out, so the theme's "no attributes"
 * case can be tested too.
 */
public final class CutoverAttributes {
    public static final String INSTANT = "cutoverInstant";
    public static final String DATE = "cutoverDate";
    public static final String PASSED = "cutoverPassed";

    private CutoverAttributes() {
    }

    /** The attributes to set, in a stable order; {@code config} may be null. */
    public static Map<String, Object> from(Map<String, String> config) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (config == null) {
            return attributes;
        }
        text(config, INSTANT).ifPresent(v -> attributes.put(INSTANT, v));
        text(config, DATE).ifPresent(v -> attributes.put(DATE, v));
        text(config, PASSED).ifPresent(v -> attributes.put(PASSED, Boolean.parseBoolean(v)));
        return attributes;
    }

    private static Optional<String> text(Map<String, String> config, String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
