package it.spidonly.keycloak.cutover.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

import it.spidonly.keycloak.cutover.settings.CutoverPhase;
import it.spidonly.keycloak.cutover.settings.CutoverSettings;

/**
 * The cutover in the admin REST API ({@code /admin/realms/{realm}/spid-cutover}). PUT reads {@code enabled},
 * {@code cutoverAt} and {@code timeZone} (each optional: what is left out stays as it is); the rest is computed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CutoverRepresentation {
    /** False when the realm has no cutover yet: the values shown are what a first PUT would start from. */
    public Boolean configured;
    public Boolean enabled;
    /** Local date and time, {@code yyyy-MM-ddTHH:mm}. */
    public String cutoverAt;
    public String timeZone;
    /** The instant, ISO-8601 with offset. */
    public String instant;
    public CutoverPhase phase;
    /** Read only: the instant for which the legacy sessions were ended (absent until then). */
    public String legacySessionsEndedFor;

    static CutoverRepresentation of(boolean configured, CutoverSettings settings, CutoverPhase phase) {
        CutoverRepresentation r = new CutoverRepresentation();
        r.configured = configured;
        r.enabled = settings.enabled();
        r.cutoverAt = settings.localDateTime().toString();
        r.timeZone = settings.zone().getId();
        r.instant = settings.isoInstant();
        r.phase = phase;
        return r;
    }
}
