package it.spidonly.keycloak.helpdesk.operator;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;

/**
 * {@code helpdesk-operator-password-form}: the operators' password form, which the SPID-only cutover does not refuse
 * for help-desk operators with OTP. Bind it only in the operators' client flow, followed by {@code auth-otp-form}.
 */
public class OperatorPasswordFormFactory extends UsernamePasswordFormFactory {
    public static final String ID = "helpdesk-operator-password-form";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new OperatorPasswordForm(session);
    }

    @Override
    public String getDisplayType() {
        return "Help-desk operator password form";
    }

    @Override
    public String getHelpText() {
        return "Username and password of help-desk operators (realm role helpdesk-operator, with OTP): still accepted after the SPID-only cutover. Follow it with the OTP form (REQUIRED).";
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }
}
