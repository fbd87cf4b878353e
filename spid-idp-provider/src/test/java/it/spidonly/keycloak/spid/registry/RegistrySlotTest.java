package it.spidonly.keycloak.spid.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrySlotTest {
    @ParameterizedTest
    @CsvSource({
            "2026-12-01T09:15:00Z, 360, 2026-12-01T06:00:00Z, 2026-12-01T12:00:00Z",
            "2026-12-01T00:00:00Z, 360, 2026-12-01T00:00:00Z, 2026-12-01T06:00:00Z",
            "2026-12-01T23:59:59Z, 360, 2026-12-01T18:00:00Z, 2026-12-02T00:00:00Z",
            "2026-12-01T09:15:30Z, 1, 2026-12-01T09:15:00Z, 2026-12-01T09:16:00Z"})
    void slotsCutTheDayAtFixedUtcTimes(String now, int minutes, String start, String end) {
        RegistrySlot slot = RegistrySlot.at(Instant.parse(now), minutes);
        assertEquals(Instant.parse(start), slot.start());
        assertEquals(Instant.parse(end), slot.end());
    }

    @Test
    void everyNodeComputesTheSameKeyForOneSlotAndAnotherForTheNext() {
        RegistrySlot a = RegistrySlot.at(Instant.parse("2026-12-01T06:00:01Z"), 360);
        RegistrySlot b = RegistrySlot.at(Instant.parse("2026-12-01T11:59:59Z"), 360);
        RegistrySlot next = RegistrySlot.at(Instant.parse("2026-12-01T12:00:00Z"), 360);
        assertEquals(a.claimKey("realm-1"), b.claimKey("realm-1"));
        assertNotEquals(a.claimKey("realm-1"), next.claimKey("realm-1"));
        assertNotEquals(a.claimKey("realm-1"), a.claimKey("realm-2"));
    }

    @Test
    void noNextRunWhenTheScheduleIsOff() {
        assertEquals("", RegistrySlot.nextRun(Instant.parse("2026-12-01T09:15:00Z"), new RegistrySettings("bundled", "", false, 0)));
        assertEquals("2026-12-01T12:00:00Z", RegistrySlot.nextRun(Instant.parse("2026-12-01T09:15:00Z"), new RegistrySettings("bundled", "", false, 360)));
    }
}
