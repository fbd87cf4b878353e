package it.spidonly.keycloak.testsupport.keycloak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Extra server options and environment for the test Keycloak, on top of the fixed
 * {@code start-dev --db=dev-mem --cache=local --import-realm ...} command line.
 *
 * <p>Filled once, before the start, from system properties and then from every
 * {@link KeycloakServerCustomizer} on the class path:
 * <ul>
 *   <li>{@code -Dkeycloak.extraArgs="--features=preview --log-level=INFO,org.keycloak.broker:debug"}:
 *       whitespace-separated options appended to the command line;</li>
 *   <li>{@code -Dkeycloak.env.NAME=value}: environment variable {@code NAME} for the server
 *       (for example {@code -Dkeycloak.env.KC_SPI_THEME_CACHE_THEMES=false});</li>
 *   <li>{@code -Dkeycloak.readyTimeoutSeconds=180}: how long to wait for {@code /health/ready}.</li>
 * </ul>
 */
public final class KeycloakOptions {

    static final String EXTRA_ARGS = "keycloak.extraArgs";
    static final String ENV_PREFIX = "keycloak.env.";
    static final String READY_TIMEOUT = "keycloak.readyTimeoutSeconds";

    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Duration readyTimeout = Duration.ofSeconds(180);

    KeycloakOptions() {
    }

    static KeycloakOptions fromSystemProperties(Properties properties) {
        KeycloakOptions options = new KeycloakOptions();
        String extra = properties.getProperty(EXTRA_ARGS, "").trim();
        if (!extra.isEmpty()) {
            options.addArgs(extra.split("\\s+"));
        }
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                options.putEnv(name.substring(ENV_PREFIX.length()), properties.getProperty(name));
            }
        }
        String timeout = properties.getProperty(READY_TIMEOUT);
        if (timeout != null && !timeout.isBlank()) {
            options.readyTimeout(Duration.ofSeconds(Long.parseLong(timeout.trim())));
        }
        return options;
    }

    /** Appends server options such as {@code --features=preview} or {@code --spi-...=...}. */
    public KeycloakOptions addArgs(String... serverArgs) {
        args.addAll(Arrays.asList(serverArgs));
        return this;
    }

    /** Sets one environment variable of the server process (e.g. {@code KC_LOG_LEVEL}). */
    public KeycloakOptions putEnv(String name, String value) {
        env.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return this;
    }

    /** How long to wait for {@code /health/ready} before failing the start. */
    public KeycloakOptions readyTimeout(Duration timeout) {
        this.readyTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    public List<String> args() {
        return List.copyOf(args);
    }

    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }
}
