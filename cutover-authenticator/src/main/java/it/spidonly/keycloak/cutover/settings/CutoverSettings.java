package it.spidonly.keycloak.cutover.settings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A realm's SPID-only cutover: the switch and the local date and time, in a time zone, from which the legacy
 * credentials (username/password, INPS PIN) are refused. The ministry's date is 15 November 2020, 00:00 in Rome
 * (nota n. 2721 of 1 September 2020).
 */
public record CutoverSettings(boolean enabled, LocalDateTime localDateTime, ZoneId zone) {
    public static final LocalDateTime DEFAULT_LOCAL_DATE_TIME = LocalDateTime.of(2020, 11, 15, 0, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Rome");
    public static final CutoverSettings MINISTRY_DEFAULT = new CutoverSettings(true, DEFAULT_LOCAL_DATE_TIME, DEFAULT_ZONE);

    public CutoverSettings {
        Objects.requireNonNull(localDateTime, "localDateTime");
        Objects.requireNonNull(zone, "zone");
    }

    /** The instant itself. A local time skipped by a daylight-saving change counts as the first valid time after it. */
    public Instant instant() {
        return zonedDateTime().toInstant();
    }

    public ZonedDateTime zonedDateTime() {
        return ZonedDateTime.of(localDateTime, zone);
    }

    /** ISO-8601 with offset, e.g. {@code 2020-11-15T00:00:00+01:00}: what themes and the REST API see. */
    public String isoInstant() {
        return zonedDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The phase at {@code now}: the instant itself already refuses ("from 15 November" includes the 15th). */
    public CutoverPhase phaseAt(Instant now) {
        if (!enabled) {
            return CutoverPhase.OFF;
        }
        return now.isBefore(instant()) ? CutoverPhase.BEFORE : CutoverPhase.PASSED;
    }

    public CutoverSettings withEnabled(boolean on) {
        return new CutoverSettings(on, localDateTime, zone);
    }
}
