package it.spidonly.keycloak.cutover.settings;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The cutover date as people read it, in their language: "15 novembre 2020" / "15 November 2020", with the
 * time ("15 novembre 2020, 08:30") only when the instant is not at midnight. Always the cutover's own time zone,
 * the one the ministry announced.
 */
public final class CutoverDates {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CutoverDates() {
    }

    public static String display(CutoverSettings settings, Locale locale) {
        Locale language = "it".equals(locale.getLanguage()) ? Locale.ITALIAN : Locale.UK;
        ZonedDateTime at = settings.zonedDateTime();
        String date = at.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language));
        if (at.getHour() == 0 && at.getMinute() == 0) {
            return date;
        }
        return date + ", " + at.format(TIME);
    }
}
