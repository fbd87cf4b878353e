package it.spidonly.keycloak.spid.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.keycloak.models.KeycloakSession;

import it.spidonly.keycloak.spid.rules.SeenAssertions;

/**
 * The replay cache on Keycloak's {@code SingleUseObjectProvider}: shared by every node of a cluster (Infinispan, or
 * the database with persistent sessions), entries expire on their own. The key is a hash of IdP entityID and
 * assertion ID, so the cache holds nothing readable.
 */
final class ClusterSeenAssertions implements SeenAssertions {
    static final String KEY_PREFIX = "spid.assertion.";

    private final KeycloakSession session;
    private final Clock clock;

    ClusterSeenAssertions(KeycloakSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String idpEntityId, String assertionId, Instant keepUntil) {
        long seconds = Math.max(1, Duration.between(clock.instant(), keepUntil).toSeconds() + 1);
        return session.singleUseObjects().putIfAbsent(key(idpEntityId, assertionId), seconds);
    }

    @Override
    public boolean seen(String idpEntityId, String assertionId) {
        return session.singleUseObjects().contains(key(idpEntityId, assertionId));
    }

    private static String key(String idpEntityId, String assertionId) {
        return KEY_PREFIX + sha256(idpEntityId + "\n" + assertionId);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
