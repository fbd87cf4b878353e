package it.spidonly.keycloak.cutover.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CutoverSettingsTest {
    @Test
    void theMinistrysDateIsMidnightInRomeWhichIsElevenPmUtcTheDayBefore() {
        assertEquals(Instant.parse("2020-11-14T23:00:00Z"), CutoverSettings.MINISTRY_DEFAULT.instant());
        assertEquals("2020-11-15T00:00:00+01:00", CutoverSettings.MINISTRY_DEFAULT.isoInstant());
    }

    @Test
    void aSummerDateInRomeHasTheSummerOffset() {
        CutoverSettings summer = new CutoverSettings(true, LocalDateTime.parse("2021-07-01T08:30"), ZoneId.of("Europe/Rome"));
        assertEquals("2021-07-01T08:30:00+02:00", summer.isoInstant());
    }

    @ParameterizedTest(name = "{0} switched {1}: {2}")
    @CsvSource({
            "2020-11-14T22:59:59Z, true,  BEFORE",
            "2020-11-14T23:00:00Z, true,  PASSED",
            "2026-01-01T00:00:00Z, true,  PASSED",
            "2020-01-01T00:00:00Z, false, OFF",
            "2026-01-01T00:00:00Z, false, OFF"})
    void phaseAroundTheInstant(String now, boolean enabled, CutoverPhase expected) {
        assertEquals(expected, CutoverSettings.MINISTRY_DEFAULT.withEnabled(enabled).phaseAt(Instant.parse(now)));
    }

    @Test
    void onlyThePassedPhaseRefusesAndOnlyOffIsSilent() {
        assertEquals(false, CutoverPhase.BEFORE.refusesLegacyCredentials());
        assertEquals(true, CutoverPhase.PASSED.refusesLegacyCredentials());
        assertEquals(false, CutoverPhase.OFF.announces());
        assertEquals(true, CutoverPhase.BEFORE.announces());
    }
}
