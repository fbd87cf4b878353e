package it.spidonly.keycloak.helpdesk.login;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * {@code helpdesk-user-condition} ("Condition - help-desk user"): in the help-desk browser flow, the conditional
 * sub-flow with Keycloak's OTP form that always runs for help-desk users and never for legacy accounts
 * (docs/helpdesk.md, "Setting up a realm"). Option {@code negate}: true for everyone but help-desk users.
 */
public class HelpdeskUserConditionFactory implements ConditionalAuthenticatorFactory {
    public static final String ID = "helpdesk-user-condition";
    public static final String NEGATE = "negate";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(NEGATE).label("Negate output").type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
            .helpText("Off: true for help-desk users (their OTP sub-flow). On: true for every other account.").add()
            .build();

    @Override
    public ConditionalAuthenticator getSingleton() {
        return HelpdeskUserCondition.SINGLETON;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Condition - help-desk user";
    }

    @Override
    public String getHelpText() {
        return "True when the user is a help-desk user (a proofing record or a help-desk credential on the server), whatever the username looks like.";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
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
