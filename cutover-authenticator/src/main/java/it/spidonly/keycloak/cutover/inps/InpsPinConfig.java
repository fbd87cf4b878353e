package it.spidonly.keycloak.cutover.inps;

import static org.keycloak.provider.ProviderConfigProperty.BOOLEAN_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.PASSWORD;
import static org.keycloak.provider.ProviderConfigProperty.STRING_TYPE;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The INPS PIN authenticators' settings, from their authenticator config in the flow (stored by Keycloak in its
 * database, per execution): the verification endpoint, its API key, the timeout, whether a first INPS PIN login
 * creates the account. The protocol is in docs/inps-pin.md.
 */
public final class InpsPinConfig {
    public static final String ENDPOINT = "inpsPinEndpoint";
    public static final String API_KEY = "inpsPinApiKey";
    public static final String TIMEOUT_MILLIS = "inpsPinTimeoutMillis";
    public static final String CREATE_USERS = "inpsPinCreateUsers";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> config;

    public InpsPinConfig(Map<String, String> config) {
        this.config = config == null ? Map.of() : config;
    }

    /** The endpoint, if it is an absolute http(s) URL. */
    public Optional<URI> endpoint() {
        String raw = text(ENDPOINT);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(raw);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(text(API_KEY));
    }

    /** Connect and read timeout; the default when missing or unreadable, at least 100 ms. */
    public Duration timeout() {
        String raw = text(TIMEOUT_MILLIS);
        try {
            return raw == null ? DEFAULT_TIMEOUT : Duration.ofMillis(Math.max(100, Long.parseLong(raw)));
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT;
        }
    }

    public boolean createUsers() {
        return !"false".equalsIgnoreCase(text(CREATE_USERS));
    }

    public static List<ProviderConfigProperty> properties() {
        return ProviderConfigurationBuilder.create()
                .property().name(ENDPOINT).label("INPS verification endpoint").type(STRING_TYPE).required(true)
                .helpText("HTTPS URL that verifies a fiscal code and PIN (protocol: docs/inps-pin.md).").add()
                .property().name(API_KEY).label("API key").type(PASSWORD).secret(true)
                .helpText("Sent as 'Authorization: Bearer <key>'. Empty: no Authorization header.").add()
                .property().name(TIMEOUT_MILLIS).label("Timeout (ms)").type(STRING_TYPE).defaultValue(String.valueOf(DEFAULT_TIMEOUT.toMillis()))
                .helpText("Connect and read timeout towards INPS.").add()
                .property().name(CREATE_USERS).label("Create account at first INPS PIN login").type(BOOLEAN_TYPE).defaultValue("true")
                .helpText("On: a verified person without an account gets one (username = fiscal code). Off: only existing accounts with the fiscalNumber attribute.").add()
                .build();
    }

    private String text(String key) {
        String v = config.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
