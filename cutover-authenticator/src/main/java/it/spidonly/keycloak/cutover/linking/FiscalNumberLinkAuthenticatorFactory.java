package it.spidonly.keycloak.cutover.linking;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * For first-broker-login flows, before "create user if unique": links a SPID login to the one account with the
 * same fiscal number. Reusable by any first-login flow of the bundle (provider id {@value #PROVIDER_ID}).
 */
public class FiscalNumberLinkAuthenticatorFactory implements AuthenticatorFactory {
    public static final String PROVIDER_ID = "spid-link-by-fiscal-number";
    private static final Requirement[] REQUIREMENTS = {Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED};
    private static final FiscalNumberLinkAuthenticator SINGLETON = new FiscalNumberLinkAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Link SPID login by fiscal number";
    }

    @Override
    public String getHelpText() {
        return "First SPID login: sets the one existing account whose fiscalNumber attribute (or username) is the person's fiscal number, without asking a password. No account: attempted. Two accounts: refused.";
    }

    @Override
    public String getReferenceCategory() {
        return "spidLink";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
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
