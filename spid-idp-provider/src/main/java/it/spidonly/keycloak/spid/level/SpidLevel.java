package it.spidonly.keycloak.spid.level;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three SPID authentication levels and their AuthnContextClassRef URIs
 * (SPID Regole tecniche, "Livelli di sicurezza").
 */
public enum SpidLevel {
    L1(1, "https://www.spid.gov.it/SpidL1"),
    L2(2, "https://www.spid.gov.it/SpidL2"),
    L3(3, "https://www.spid.gov.it/SpidL3");

    private final int number;
    private final String uri;

    SpidLevel(int number, String uri) {
        this.number = number;
        this.uri = uri;
    }

    public int number() {
        return number;
    }

    public String uri() {
        return uri;
    }

    /** ForceAuthn must be true for every request above level 1 (Regole tecniche, AuthnRequest). */
    public boolean requiresForceAuthn() {
        return this != L1;
    }

    public static Optional<SpidLevel> fromUri(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String trimmed = uri.trim();
        return Arrays.stream(values()).filter(l -> l.uri.equals(trimmed)).findFirst();
    }

    /** Accepts "1", "2", "3", "L2", "SpidL2" or the full URI. */
    public static Optional<SpidLevel> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        Optional<SpidLevel> byUri = fromUri(v);
        if (byUri.isPresent()) {
            return byUri;
        }
        String digits = v.replaceFirst("(?i)^(spid)?l", "");
        return Arrays.stream(values()).filter(l -> String.valueOf(l.number).equals(digits)).findFirst();
    }
}
