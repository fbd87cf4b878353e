package it.spidonly.keycloak.helpdesk.lifecycle;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * Ends everything a help-desk user holds (helpdesk.md, Revocation: "it ends sessions and refresh tokens"): the
 * user's online and offline sessions (Keycloak's cluster-wide session store), and a not-before for the user so
 * that any token issued until now is refused.
 */
public final class SignOut {
    private SignOut() {
    }

    public static void everywhere(KeycloakSession session, RealmModel realm, UserModel user) {
        session.sessions().removeUserSessions(realm, user);
        for (UserSessionModel offline : session.sessions().getOfflineUserSessionsStream(realm, user).toList()) {
            session.sessions().removeOfflineUserSession(realm, offline);
        }
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
    }
}
