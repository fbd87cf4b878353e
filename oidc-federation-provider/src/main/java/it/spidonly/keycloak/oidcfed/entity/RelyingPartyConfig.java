package it.spidonly.keycloak.oidcfed.entity;

import static it.spidonly.keycloak.oidcfed.entity.RelyingPartyProperties.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.common.util.MultivaluedHashMap;

/** Typed, null-safe view of the realm's OIDC federation relying-party settings (one Keycloak component). */
public final class RelyingPartyConfig {
    private final MultivaluedHashMap<String, String> config;

    public RelyingPartyConfig(MultivaluedHashMap<String, String> config) {
        this.config = config == null ? new MultivaluedHashMap<>() : config;
    }

    public static RelyingPartyConfig empty() {
        return new RelyingPartyConfig(null);
    }

    public Optional<String> entityId() {
        return Optional.ofNullable(text(ENTITY_ID)).map(RelyingPartyConfig::withoutTrailingSlash);
    }

    public Optional<String> homepageUri() {
        return Optional.ofNullable(text(HOMEPAGE_URI));
    }

    public Optional<String> policyUri() {
        return Optional.ofNullable(text(POLICY_URI));
    }

    public Optional<String> logoUri() {
        return Optional.ofNullable(text(LOGO_URI));
    }

    public List<String> contacts() {
        return values(CONTACTS);
    }

    public List<String> authorityHints() {
        return values(AUTHORITY_HINTS).stream().map(RelyingPartyConfig::withoutTrailingSlash).toList();
    }

    /** The trust anchors (presets and pinned lines); {@link IllegalArgumentException} when the text does not parse. */
    public List<TrustAnchor> trustAnchors() {
        return TrustAnchorList.parse(text(TRUST_ANCHORS), values(TRUST_ANCHOR_PRESETS));
    }

    /** The trust anchors, or none when the text does not parse (saving such settings is refused). */
    public List<TrustAnchor> trustAnchorsOrNone() {
        try {
            return trustAnchors();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    public List<String> trustMarks() {
        String raw = text(TRUST_MARKS);
        if (raw == null) {
            return List.of();
        }
        List<String> marks = new ArrayList<>();
        for (String line : raw.split("[\\s,]+")) {
            if (!line.isBlank()) {
                marks.add(line.trim());
            }
        }
        return marks;
    }

    /** The entity-configuration lifetime; empty when set to anything but a whole number in the allowed range. */
    public Optional<Duration> entityConfigurationLifetime() {
        String raw = text(EC_LIFETIME);
        if (raw == null) {
            return Optional.of(Duration.ofSeconds(DEFAULT_EC_LIFETIME_SECONDS));
        }
        try {
            long seconds = Long.parseLong(raw);
            return seconds < MIN_EC_LIFETIME_SECONDS || seconds > MAX_EC_LIFETIME_SECONDS
                    ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String text(String key) {
        String v = config.getFirst(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private List<String> values(String key) {
        List<String> raw = config.get(key);
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            for (String part : v.split("##")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
