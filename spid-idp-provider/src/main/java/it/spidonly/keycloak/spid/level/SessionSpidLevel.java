package it.spidonly.keycloak.spid.level;

import java.util.Optional;

import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The SPID level a user session was opened with, kept as a user-session note (stored with the session, so every
 * node of a cluster sees it). Written when a SPID login finishes; read when the session is reused (SSO), so the
 * tokens of a reused session still carry the level achieved and an {@code acr_values} it satisfies needs no new
 * SPID login.
 */
public final class SessionSpidLevel {
    /** User-session note: the SPID level number (1, 2, 3) achieved at the login that opened the session. */
    public static final String NOTE = "spid.level";

    private SessionSpidLevel() {
    }

    /** Carries the level from the login's authentication session into the user session it will open. */
    public static void record(AuthenticationSessionModel authSession, SpidLevel level) {
        authSession.setUserSessionNote(NOTE, String.valueOf(level.number()));
    }

    public static Optional<SpidLevel> of(UserSessionModel userSession) {
        return userSession == null ? Optional.empty() : SpidLevel.parse(userSession.getNote(NOTE));
    }
}
