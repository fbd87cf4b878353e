package it.spidonly.keycloak.spid.rules;

import java.time.Instant;

/**
 * Remembers the assertions already presented, for {@link ReplayRule}. In Keycloak this is the cluster-wide
 * {@code SingleUseObjectProvider}, so a replay is refused on any node; tests use a set.
 */
@FunctionalInterface
public interface SeenAssertions {

    /**
     * Records the assertion and answers true the first time; false when it was seen before. Atomic.
     *
     * @param keepUntil when the record may be forgotten (the assertion expired, plus clock skew)
     */
    boolean firstUse(String idpEntityId, String assertionId, Instant keepUntil);

    /**
     * Whether the assertion was recorded before; records nothing. {@link ReplayRule} asks this early, so that a replay
     * is named as such, and {@link ReplayMarkRule} records the assertion only once every other rule passed.
     */
    default boolean seen(String idpEntityId, String assertionId) {
        return false;
    }
}
