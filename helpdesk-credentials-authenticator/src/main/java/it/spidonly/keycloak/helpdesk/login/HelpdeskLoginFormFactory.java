package it.spidonly.keycloak.helpdesk.login;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@code helpdesk-username-password-form}: the login of help-desk users (activation code, then password) and, until
 * the SPID-only cutover, of legacy accounts (Keycloak's password). Put after it the conditional sub-flow
 * "help-desk user" ({@link HelpdeskUserConditionFactory}) with Keycloak's OTP form.
 */
public class HelpdeskLoginFormFactory implements AuthenticatorFactory {
    public static final String ID = "helpdesk-username-password-form";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new HelpdeskLoginForm(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Help-desk credentials form";
    }

    /**
     * The "password" category although the credential type is {@code helpdesk-password}: Keycloak 26's brute-force
     * detector counts failures only for the password, OTP and recovery-code categories, and our form must count.
     */
    @Override
    public String getReferenceCategory() {
        return "password";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.ALTERNATIVE,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Username and help-desk password (or, the first time, the activation code) of users from states outside eIDAS; for other accounts the Keycloak password, refused from the SPID-only cutover. Follow it with a conditional OTP sub-flow (Condition - help-desk user).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
