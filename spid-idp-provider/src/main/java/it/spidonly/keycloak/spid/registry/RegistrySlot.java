package it.spidonly.keycloak.spid.registry;

import java.time.Instant;

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

    String claimKey(String realmId) {
        return "spid.registry.refresh." + realmId + "." + index;
    }
}
