package it.spidonly.keycloak.cutover.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.spidonly.keycloak.spid.sp.Problem;

class CutoverConfigTest {
    private static CutoverConfig config(String enabled, String at, String zone) {
        return new CutoverConfig(CutoverConfig.toConfig(enabled, at, zone));
    }

    @Test
    void theDefaultsOfTheFormAreValid() {
        assertTrue(config("true", "2020-11-15T00:00", "Europe/Rome").problems().isEmpty());
        assertEquals(CutoverSettings.MINISTRY_DEFAULT, config("true", "2020-11-15T00:00", "Europe/Rome").settings());
    }

    @ParameterizedTest(name = "enabled={0} at={1} zone={2}: {3}")
    @CsvSource(nullValues = "null", value = {
            "true,  2020-11-15T00:00:00, Europe/Rome,  ''",
            "false, 2031-02-28T23:59,    UTC,          ''",
            "yes,   2020-11-15T00:00,    Europe/Rome,  cutoverEnabledBoolean",
            "true,  null,                Europe/Rome,  cutoverAtRequired",
            "true,  '  ',                Europe/Rome,  cutoverAtRequired",
            "true,  15/11/2020,          Europe/Rome,  cutoverAtFormat",
            "true,  2020-11-15,          Europe/Rome,  cutoverAtFormat",
            "true,  2020-02-30T00:00,    Europe/Rome,  cutoverAtFormat",
            "true,  2020-11-15T00:00,    null,         cutoverTimeZoneRequired",
            "true,  2020-11-15T00:00,    Europe/Roma,  cutoverTimeZoneUnknown",
            "yes,   never,               Mars/Olympus, cutoverEnabledBoolean cutoverAtFormat cutoverTimeZoneUnknown"})
    void problemsNameWhatIsWrong(String enabled, String at, String zone, String expectedKeys) {
        String keys = config(enabled, at, zone).problems().stream().map(Problem::key).collect(Collectors.joining(" "));
        assertEquals(expectedKeys, keys);
    }

    @Test
    void theRefusalOfABadDateCarriesWhatWasTyped() {
        List<Problem> problems = config("true", "15/11/2020", "Europe/Rome").problems();
        assertEquals(List.of("15/11/2020"), problems.get(0).params());
    }

    @Test
    void unreadableStoredValuesFailClosedToTheMinistrysDateAndOn() {
        CutoverSettings read = config("maybe", "soon", "Nowhere/Town").settings();
        assertEquals(true, read.enabled());
        assertEquals(CutoverSettings.DEFAULT_LOCAL_DATE_TIME, read.localDateTime());
        assertEquals(CutoverSettings.DEFAULT_ZONE, read.zone());
    }

    @Test
    void onlyAnExplicitFalseSwitchesItOff() {
        assertEquals(false, config("FALSE", "2020-11-15T00:00", "Europe/Rome").settings().enabled());
        assertEquals(true, config(null, "2020-11-15T00:00", "Europe/Rome").settings().enabled());
        assertEquals(LocalDateTime.parse("2031-02-28T23:59"), config("true", " 2031-02-28T23:59 ", "UTC").settings().localDateTime());
    }
}
