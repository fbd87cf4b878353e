package it.spidonly.keycloak.spid.firstlogin;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** "SPID: link or create by fiscal number", the one step of the bundle's first-broker-login flow. */
public class SpidFirstLoginAuthenticatorFactory implements AuthenticatorFactory {
    public static final String PROVIDER_ID = "spid-first-login";
    private static final SpidFirstLoginAuthenticator SINGLETON = new SpidFirstLoginAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "SPID: link or create by fiscal number";
    }

    @Override
    public String getHelpText() {
        return "Links a first SPID login to the account with the same fiscalNumber attribute, or creates one (username = fiscal code). Never links on e-mail or name.";
    }

    @Override
    public String getReferenceCategory() {
        return "spid";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
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
