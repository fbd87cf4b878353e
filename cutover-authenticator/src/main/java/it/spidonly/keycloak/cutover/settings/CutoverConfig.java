package it.spidonly.keycloak.cutover.settings;

import static it.spidonly.keycloak.cutover.settings.CutoverProperties.ENABLED;
import static it.spidonly.keycloak.cutover.settings.CutoverProperties.LOCAL_DATE_TIME;
import static it.spidonly.keycloak.cutover.settings.CutoverProperties.TIME_ZONE;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.common.util.MultivaluedHashMap;

import it.spidonly.keycloak.spid.sp.Problem;

/**
 * Reads the cutover settings from the component's string map. Saving checks them strictly ({@link #problems});
 * reading is lenient and fails closed: a value that cannot be read (only possible by importing a realm that
 * bypassed the checks) counts as the ministry's default, and the switch is off only when it says {@code false}.
 */
public final class CutoverConfig {
    private final MultivaluedHashMap<String, String> config;

    public CutoverConfig(MultivaluedHashMap<String, String> config) {
        this.config = config == null ? new MultivaluedHashMap<>() : config;
    }

    public CutoverSettings settings() {
        return new CutoverSettings(!"false".equalsIgnoreCase(text(ENABLED)),
                localDateTime().orElse(CutoverSettings.DEFAULT_LOCAL_DATE_TIME),
                zone().orElse(CutoverSettings.DEFAULT_ZONE));
    }

    /** What is wrong, as message keys of {@code messages_*.properties}; empty when the settings can be saved. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        String enabled = text(ENABLED);
        if (enabled != null && !"true".equalsIgnoreCase(enabled) && !"false".equalsIgnoreCase(enabled)) {
            problems.add(Problem.of("cutoverEnabledBoolean", enabled));
        }
        if (text(LOCAL_DATE_TIME) == null) {
            problems.add(Problem.of("cutoverAtRequired"));
        } else if (localDateTime().isEmpty()) {
            problems.add(Problem.of("cutoverAtFormat", text(LOCAL_DATE_TIME)));
        }
        if (text(TIME_ZONE) == null) {
            problems.add(Problem.of("cutoverTimeZoneRequired"));
        } else if (zone().isEmpty()) {
            problems.add(Problem.of("cutoverTimeZoneUnknown", text(TIME_ZONE)));
        }
        return problems;
    }

    /** The map for these settings, as the component stores it. */
    public static MultivaluedHashMap<String, String> toConfig(String enabled, String localDateTime, String timeZone) {
        MultivaluedHashMap<String, String> map = new MultivaluedHashMap<>();
        map.putSingle(ENABLED, enabled);
        map.putSingle(LOCAL_DATE_TIME, localDateTime);
        map.putSingle(TIME_ZONE, timeZone);
        return map;
    }

    private Optional<LocalDateTime> localDateTime() {
        String raw = text(LOCAL_DATE_TIME);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(raw));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Optional<ZoneId> zone() {
        String raw = text(TIME_ZONE);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(raw));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private String text(String key) {
        String v = config.getFirst(key);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
