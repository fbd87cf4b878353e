package it.spidonly.keycloak.cutover.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutoverDatesTest {
    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @CsvSource({
            "2020-11-15T00:00, Europe/Rome, it,    15 novembre 2020",
            "2020-11-15T00:00, Europe/Rome, en,    15 November 2020",
            "2020-11-15T00:00, Europe/Rome, it-IT, 15 novembre 2020",
            "2020-11-15T00:00, Europe/Rome, de,    15 November 2020",
            "2021-02-28T08:30, Europe/Rome, it,    '28 febbraio 2021, 08:30'",
            "2021-02-28T08:30, Europe/Rome, en,    '28 February 2021, 08:30'",
            // a local time skipped by the spring change: shown as the time it becomes
            "2021-03-28T02:30, Europe/Rome, en,    '28 March 2021, 03:30'"})
    void theDateAsPeopleReadItInTheirLanguage(String at, String zone, String language, String expected) {
        CutoverSettings settings = new CutoverSettings(true, LocalDateTime.parse(at), ZoneId.of(zone));
        assertEquals(expected, CutoverDates.display(settings, Locale.forLanguageTag(language)));
    }
}
