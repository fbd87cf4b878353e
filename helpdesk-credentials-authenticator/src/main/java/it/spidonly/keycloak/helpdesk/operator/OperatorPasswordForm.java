package it.spidonly.keycloak.helpdesk.operator;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import it.spidonly.keycloak.cutover.CutoverExemption;
import it.spidonly.keycloak.helpdesk.HelpdeskSettings;

/**
 * Keycloak's username/password form for the help-desk operators' client: after the SPID-only cutover it still
 * checks the password of a user who holds the realm role {@code helpdesk-operator} <em>and</em> has an OTP
 * authenticator ({@link CutoverExemption}); everyone else gets what the cutover gives every password (refused).
 * The flow must follow it with Keycloak's {@code auth-otp-form} (REQUIRED), and the operator API checks that the
 * OTP step ran (docs/helpdesk.md, "Operators after the cutover").
 */
final class OperatorPasswordForm extends UsernamePasswordForm {
    OperatorPasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public boolean validatePassword(AuthenticationFlowContext context, UserModel user, MultivaluedMap<String, String> inputData, boolean clearUser) {
        if (isOperatorWithOtp(context, user)) {
            return CutoverExemption.check(context.getSession(), () -> super.validatePassword(context, user, inputData, clearUser));
        }
        return super.validatePassword(context, user, inputData, clearUser);
    }

    static boolean isOperatorWithOtp(AuthenticationFlowContext context, UserModel user) {
        RoleModel role = context.getRealm().getRole(HelpdeskSettings.OPERATOR_ROLE);
        return user != null && role != null && user.hasRole(role) && user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
    }
}
