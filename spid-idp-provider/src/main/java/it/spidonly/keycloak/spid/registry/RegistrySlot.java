package it.spidonly.keycloak.spid.registry;

import java.time.Instant;

import org.keycloak.models.KeycloakSession;

/**
 * The scheduled refresh's time slots: the epoch cut into intervals of the configured length (6 h gives
 * 00:00, 06:00, 12:00, 18:00 UTC). One refresh per slot in the whole cluster: the node that first claims the slot's
 * key in Keycloak's single-use store runs it.
 */
record RegistrySlot(long index, Instant start, Instant end) {
    static RegistrySlot at(Instant now, int intervalMinutes) {
        long length = intervalMinutes * 60L;
        long index = Math.floorDiv(now.getEpochSecond(), length);
        return new RegistrySlot(index, Instant.ofEpochSecond(index * length), Instant.ofEpochSecond((index + 1) * length));
    }

    /** When the scheduler will next refresh, after a refresh at {@code now}; empty when it is switched off. */
    static String nextRun(Instant now, RegistrySettings settings) {
        return settings.scheduled() ? at(now, settings.intervalMinutes()).end().toString() : "";
    }

    /**
     * Claims the current slot of the realm's scheduled refresh in Keycloak's cluster-wide single-use store; true for
     * the one caller that got it. The scheduler claims before it runs; an admin's refresh claims too, so the
     * scheduled run of the same slot never overwrites the admin's result. Nothing to claim when the schedule is off.
     */
    static boolean claim(KeycloakSession session, String realmId, RegistrySettings settings, Instant now) {
        if (!settings.scheduled()) {
            return false;
        }
        RegistrySlot slot = at(now, settings.intervalMinutes());
        long lifespan = slot.end().getEpochSecond() - now.getEpochSecond() + 60;
        return session.singleUseObjects().putIfAbsent(slot.claimKey(realmId), lifespan);
    }

    String claimKey(String realmId) {
        return "spid.registry.refresh." + realmId + "." + index;
    }
}
