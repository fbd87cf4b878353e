package it.spidonly.keycloak.helpdesk.login;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import it.spidonly.keycloak.helpdesk.activation.ActivationCredentials;
import it.spidonly.keycloak.helpdesk.activation.HelpdeskPasswords;

/**
 * The end of an activation (issue 16, N10): the activation code is used up only once the user has both set a
 * help-desk password and enrolled an authenticator app, in whatever order the realm runs the two required actions;
 * then the user's login failures are forgotten, so a few mistyped codes do not lock out the first real login.
 * Until then the code keeps working: a user who leaves at the password or TOTP page comes back with the same code.
 * The login in which the activation runs carries the authentication-session note {@link #NOTE}.
 */
final class ActivationCompletion {
    private static final Logger LOG = Logger.getLogger(ActivationCompletion.class);
    static final String NOTE = "helpdesk.activation";

    private ActivationCompletion() {
    }

    static void begin(AuthenticationSessionModel login) {
        login.setAuthNote(NOTE, "true");
    }

    /** Completes the activation of this login if both steps are done; otherwise nothing. */
    static void completeIfDone(KeycloakSession session, RealmModel realm, AuthenticationSessionModel login, UserModel user) {
        if (login == null || user == null || !"true".equals(login.getAuthNote(NOTE))) {
            return;
        }
        boolean pending = user.getRequiredActionsStream()
                .anyMatch(a -> HelpdeskSetPasswordFactory.ID.equals(a) || UserModel.RequiredAction.CONFIGURE_TOTP.name().equals(a));
        if (pending || !HelpdeskPasswords.exists(user) || !user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)) {
            return;
        }
        ActivationCredentials.remove(user);
        session.loginFailures().removeUserLoginFailure(realm, user.getId());
        login.removeAuthNote(NOTE);
        LOG.infof("help-desk activation completed by user %s in realm %s", user.getUsername(), realm.getName());
    }
}
