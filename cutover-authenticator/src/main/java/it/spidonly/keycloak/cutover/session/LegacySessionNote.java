package it.spidonly.keycloak.cutover.session;

import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The user-session note that says a session was opened with a legacy credential ({@code password} or
 * {@code inps-pin}) in a realm with a cutover. Set on the authentication session when the credential is accepted;
 * Keycloak copies it into the user session (and into an offline session made from it). Sessions of SPID, eIDAS and
 * help-desk logins never carry it, so {@link LegacySessionEnd} leaves them alone.
 */
public final class LegacySessionNote {
    public static final String NOTE = "spid.cutover.legacy_credential";

    private LegacySessionNote() {
    }

    public static void mark(AuthenticationSessionModel login, String credentialType) {
        if (login != null) {
            login.setUserSessionNote(NOTE, credentialType);
        }
    }

    public static boolean restsOnLegacyCredential(UserSessionModel userSession) {
        return userSession != null && userSession.getNote(NOTE) != null;
    }
}
