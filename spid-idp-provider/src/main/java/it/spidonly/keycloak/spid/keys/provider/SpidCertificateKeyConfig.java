package it.spidonly.keycloak.spid.keys.provider;

import java.time.Duration;

import org.keycloak.component.ComponentModel;

/** Typed view of a "SPID SP certificate" key provider's settings. */
record SpidCertificateKeyConfig(int keySize, String locality, Duration validity) {
    static final String KEY_SIZE = "keySize";
    static final String LOCALITY = "localityName";
    static final String VALIDITY_DAYS = "validityDays";
    static final int DEFAULT_KEY_SIZE = 3072;
    static final int DEFAULT_VALIDITY_DAYS = 730;

    /** Null-safe; an unparsable number gives 0, which {@link SpidCertificateKeyProviderFactory} refuses. */
    static SpidCertificateKeyConfig of(ComponentModel model) {
        return new SpidCertificateKeyConfig(number(model.get(KEY_SIZE), DEFAULT_KEY_SIZE), model.get(LOCALITY),
                Duration.ofDays(number(model.get(VALIDITY_DAYS), DEFAULT_VALIDITY_DAYS)));
    }

    private static int number(String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
