package it.spidonly.keycloak.spid.registry;

import org.keycloak.common.util.MultivaluedHashMap;

/**
 * The realm's registry settings, a typed view over the {@code spid-registry} component's config: where the
 * aggregate comes from, which certificate must have signed it, whether a local file is trusted without a
 * signature, and how often the scheduler refreshes it. Null-safe; unreadable numbers fall back to the defaults.
 */
public record RegistrySettings(String source, String certificatePem, boolean trustedLocalFile, int intervalMinutes) {
    public static final String SOURCE = "source";
    public static final String CERTIFICATE = "registryCertificate";
    public static final String TRUSTED_LOCAL_FILE = "trustedLocalFile";
    public static final String INTERVAL_MINUTES = "refreshIntervalMinutes";
    public static final String REFRESH_NOW = "refreshNow";

    /** The copy of AgID's registry shipped in the bundle (offline demo and tests). */
    public static final String BUNDLED = "bundled";
    /** Where AgID publishes the registry aggregate (shared/fixtures/PROVENANCE.md). */
    public static final String AGID_URL = "https://registry.spid.gov.it/metadata/idp/spid-entities-idps.xml";
    public static final int DEFAULT_INTERVAL_MINUTES = 360;
    public static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

    /** Without a settings page the registry is the bundled copy, verified with AgID's certificate, refreshed only on demand. */
    public static final RegistrySettings DEFAULT = new RegistrySettings(BUNDLED, "", false, 0);

    public static RegistrySettings of(MultivaluedHashMap<String, String> config) {
        String source = text(config, SOURCE);
        return new RegistrySettings(source.isEmpty() ? BUNDLED : source, text(config, CERTIFICATE),
                "true".equals(config.getFirst(TRUSTED_LOCAL_FILE)), interval(config.getFirst(INTERVAL_MINUTES)));
    }

    private static String text(MultivaluedHashMap<String, String> config, String key) {
        String value = config.getFirst(key);
        return value == null ? "" : value.trim();
    }

    /** 0 switches the scheduled refresh off. */
    public boolean scheduled() {
        return intervalMinutes > 0;
    }

    static int interval(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_INTERVAL_MINUTES;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
