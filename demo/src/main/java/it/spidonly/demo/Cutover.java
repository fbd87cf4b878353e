package it.spidonly.demo;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Moves the demo realm's SPID-only cutover with the admin REST API (docs/cutover.md, {@code PUT .../spid-cutover}). */
final class Cutover {
    private Cutover() {
    }

    /** {@code now}: this minute in Rome (the legacy password is refused from now); otherwise far in the future. */
    static String move(String keycloakUrl, boolean now) {
        String at = now ? LocalDateTime.now(ZoneId.of("Europe/Rome")).truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                : DemoRealmSetup.CUTOVER_LATER;
        if (at.length() > 16) {
            at = at.substring(0, 16);
        }
        new AdminClient(keycloakUrl, KeycloakDev.ADMIN, KeycloakDev.ADMIN_PASSWORD).put("/" + DemoRealmSetup.REALM + "/spid-cutover",
                Map.of("enabled", true, "cutoverAt", at, "timeZone", "Europe/Rome"));
        return at;
    }
}
