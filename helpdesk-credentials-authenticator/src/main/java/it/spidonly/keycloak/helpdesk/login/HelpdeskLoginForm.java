package it.spidonly.keycloak.helpdesk.login;

import java.time.Instant;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.BruteForceProtector;

import it.spidonly.keycloak.cutover.fiscal.FiscalCode;
import it.spidonly.keycloak.helpdesk.activation.ActivationCredentials;
import it.spidonly.keycloak.helpdesk.activation.HelpdeskPasswords;
import it.spidonly.keycloak.helpdesk.lifecycle.CredentialExpiry;
import it.spidonly.keycloak.helpdesk.lifecycle.CredentialState;
import it.spidonly.keycloak.helpdesk.lifecycle.SignOut;
import it.spidonly.keycloak.helpdesk.proofing.HelpdeskUsers;

/**
 * The login form of the realm's browser flow (Keycloak's login page: username and one secret), for two kinds of
 * account, told apart by server-side state only ({@link AccountKind}):
 * <ul>
 * <li>help-desk users: the secret is the help-desk password ({@code helpdesk-password}), or, before activation, the
 * one-time activation code: then the old password and OTP go (the code stays until the activation completes,
 * {@link ActivationCompletion}), and the user must set a password and enrol TOTP (required actions) before the login
 * ends. Checked before telling anything: a wrong secret is a plain "invalid username or password" counted by
 * Keycloak's brute-force detector; only the right secret of a revoked or expired credential learns why it no longer
 * works (page 403, sessions ended). Keycloak's {@code password} is never checked for them, and the flow always asks
 * their OTP (condition {@code helpdesk-user-condition}).</li>
 * <li>every other account (legacy cliclavoro accounts): Keycloak's {@code password}, until the SPID-only cutover
 * ({@link OrdinaryLogin}).</li>
 * </ul>
 */
final class HelpdeskLoginForm extends AbstractUsernameFormAuthenticator {
    private static final Logger LOG = Logger.getLogger(HelpdeskLoginForm.class);
    static final String EXPIRED = it.spidonly.keycloak.helpdesk.HelpdeskContract.MSG_EXPIRED;
    static final String REVOKED = it.spidonly.keycloak.helpdesk.HelpdeskContract.MSG_REVOKED;
    static final String ACTIVATION_EXPIRED = "helpdeskActivationExpired";
    /** User-session note read by the acr mapper: the session was opened through the help-desk path. */
    static final String SESSION_NOTE = it.spidonly.keycloak.helpdesk.HelpdeskContract.SESSION_NOTE;

    HelpdeskLoginForm(KeycloakSession session) {
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(LoginPages.first(context));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        String username = form.getFirst(AuthenticationManager.FORM_USERNAME);
        String secret = form.getFirst("password");
        if (username == null || username.isBlank()) {
            OrdinaryLogin.login(this, context, null, null, secret);
            return;
        }
        username = username.strip();
        // legacy usernames may be fiscal codes: masked in the event (error events are logged above debug)
        context.getEvent().detail(Details.USERNAME, FiscalCode.forLogs(username));
        context.getAuthenticationSession().setAuthNote(ATTEMPTED_USERNAME, username);
        UserModel user = KeycloakModelUtils.findUserByNameOrEmail(context.getSession(), context.getRealm(), username);
        if (user == null || AccountKind.of(user) == AccountKind.ORDINARY) {
            OrdinaryLogin.login(this, context, user, username, secret);
            return;
        }
        // a revoked user is disabled, and Keycloak refuses a disabled user as soon as it is set on the login (to
        // anyone): the user is set only when enabled. Every user, disabled or not, is first checked against the
        // brute-force lockout, answered exactly like a wrong secret (F4: during a lockout the right secret of a
        // revoked or expired credential must not tell its state); failures of a disabled user are counted too
        // (Keycloak finds the user from the attempted username)
        if (user.isEnabled()) {
            context.setUser(user);
        }
        if (lockedOut(context, user)) {
            return;
        }
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        boolean activation = false;
        boolean codeExpired = false;
        if (!HelpdeskPasswords.verify(context.getSession(), context.getRealm(), user, secret)) {
            ActivationCredentials.Check code = ActivationCredentials.check(user, secret == null ? "" : secret, now);
            if (code != ActivationCredentials.Check.VALID && code != ActivationCredentials.Check.EXPIRED) {
                refuse(context, user, Errors.INVALID_USER_CREDENTIALS);
                return;
            }
            activation = true;
            codeExpired = code == ActivationCredentials.Check.EXPIRED;
        }
        CredentialState state = HelpdeskUsers.state(user).orElse(CredentialState.REVOKED);
        if (state == CredentialState.REVOKED) {
            stop(context, user, REVOKED, "helpdesk_credential_revoked", true);
            return;
        }
        if (state != CredentialState.ISSUED || HelpdeskUsers.credentialExpiresAt(user).map(e -> CredentialExpiry.isExpired(e, now)).orElse(true)) {
            stop(context, user, EXPIRED, "helpdesk_credential_expired", true);
            return;
        }
        if (codeExpired) {
            stop(context, user, ACTIVATION_EXPIRED, "helpdesk_activation_expired", false);
            return;
        }
        context.setUser(user);
        if (!enabledUser(context, user)) {
            return;
        }
        if (activation) {
            // the code stays until the password and the authenticator app are both set (ActivationCompletion)
            HelpdeskPasswords.remove(user);
            user.credentialManager().getStoredCredentialsByTypeStream("otp").map(c -> c.getId()).toList()
                    .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
            user.addRequiredAction(HelpdeskSetPasswordFactory.ID);
            user.addRequiredAction(UserModel.RequiredAction.CONFIGURE_TOTP);
            ActivationCompletion.begin(context.getAuthenticationSession());
            context.getEvent().detail("helpdesk_activation", "true");
            LOG.infof("help-desk activation code used by user %s in realm %s", user.getUsername(), context.getRealm().getName());
        } else if (ActivationCredentials.exists(user)
                && user.getRequiredActionsStream().anyMatch(UserModel.RequiredAction.CONFIGURE_TOTP.name()::equals)) {
            // the password set in an activation left before the authenticator app: this login finishes it
            ActivationCompletion.begin(context.getAuthenticationSession());
        }
        context.getAuthenticationSession().setUserSessionNote(SESSION_NOTE, "true");
        context.success();
    }

    /** "Invalid username or password", counted as a failed login. */
    void refuse(AuthenticationFlowContext context, UserModel user, String error) {
        context.getEvent().user(user).error(error);
        context.failureChallenge(user == null ? AuthenticationFlowError.INVALID_USER : AuthenticationFlowError.INVALID_CREDENTIALS, LoginPages.invalid(context));
    }

    /** True, answered like a wrong secret, while Keycloak's brute-force detection locks {@code user} out. */
    boolean lockedOut(AuthenticationFlowContext context, UserModel user) {
        String lockout = AuthenticatorUtils.getDisabledByBruteForceEventError(context.getSession().getProvider(BruteForceProtector.class),
                context.getSession(), context.getRealm(), user);
        if (lockout == null) {
            return false;
        }
        context.getEvent().user(user).error(lockout);
        context.forceChallenge(LoginPages.invalid(context));
        return true;
    }

    /** The right secret of a credential that no longer works: the reason, on Keycloak's error page (403). */
    private void stop(AuthenticationFlowContext context, UserModel user, String message, String error, boolean signOut) {
        if (signOut) {
            SignOut.everywhere(context.getSession(), context.getRealm(), user);
        }
        context.getEvent().user(user).error(error);
        Response page = context.form().setError(message).createErrorPage(Response.Status.FORBIDDEN);
        context.forceChallenge(page);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, org.keycloak.models.RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, org.keycloak.models.RealmModel realm, UserModel user) {
    }
}
