package it.spidonly.keycloak.eidas.firstlogin;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** "eIDAS: link or create by person identifier", the one step of the eIDAS first-broker-login flow. */
public class EidasFirstLoginAuthenticatorFactory implements AuthenticatorFactory {
    public static final String PROVIDER_ID = "eidas-first-login";
    private static final EidasFirstLoginAuthenticator SINGLETON = new EidasFirstLoginAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "eIDAS: link or create by person identifier";
    }

    @Override
    public String getHelpText() {
        return "Links a first eIDAS login to the account with the same eidasPersonIdentifier, or creates one. Never links on fiscal number, e-mail or name.";
    }

    @Override
    public String getReferenceCategory() {
        return "eidas";
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
