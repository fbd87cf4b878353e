package it.spidonly.keycloak.helpdesk.admin;

import java.util.Map;
import java.util.Set;

import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;

/**
 * Operators log in strongly (issue 7: "SPID L2 or password + OTP"; issue 16, N1: the token must have been
 * <em>obtained</em> with the second factor, not merely by someone who has one). Accepted:
 * <ul>
 * <li>a token whose {@code acr} is SPID level 2 or 3;</li>
 * <li>a token of a user session in which a second-factor authenticator ran: Keycloak records every execution that
 * succeeded in the session's note {@code authenticators-completed} (execution id → time; the same record its
 * {@code amr} mapper reads), and one of them must be an OTP form ({@code auth-otp-form}, the direct grant's
 * {@code direct-grant-validate-otp}) or WebAuthn as second factor.</li>
 * </ul>
 * A token without a session ({@code sid}), or whose session has ended, is refused: fails closed.
 */
final class OperatorSecondFactor {
    static final Set<String> SPID_STRONG = Set.of("https://www.spid.gov.it/SpidL2", "https://www.spid.gov.it/SpidL3");
    /** Authenticator provider ids that check a second factor. */
    static final Set<String> SECOND_FACTOR_AUTHENTICATORS = Set.of("auth-otp-form", "direct-grant-validate-otp", "webauthn-authenticator");

    private OperatorSecondFactor() {
    }

    static boolean present(KeycloakSession session, RealmModel realm, AccessToken token) {
        if (token == null) {
            return false;
        }
        if (SPID_STRONG.contains(token.getAcr())) {
            return true;
        }
        String sid = token.getSessionId();
        UserSessionModel userSession = sid == null ? null : session.sessions().getUserSession(realm, sid);
        if (userSession == null || token.getSubject() == null || !token.getSubject().equals(userSession.getUser().getId())) {
            return false;
        }
        return ranSecondFactor(realm, AuthenticatorUtils.parseCompletedExecutions(userSession.getNote(Constants.AUTHENTICATORS_COMPLETED)));
    }

    static boolean ranSecondFactor(RealmModel realm, Map<String, Integer> completedExecutions) {
        return completedExecutions.keySet().stream()
                .map(realm::getAuthenticationExecutionById)
                .anyMatch(e -> e != null && SECOND_FACTOR_AUTHENTICATORS.contains(e.getAuthenticator()));
    }
}
