package it.spidonly.keycloak.spid.firstlogin;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The factory of a first-broker-login step of the bundle (link or create by one identifier): not configurable, always
 * REQUIRED, a stateless authenticator. Subclasses give the id, texts and the authenticator.
 */
public abstract class FirstLoginStepFactory implements AuthenticatorFactory {
    private final String id;
    private final String displayType;
    private final String helpText;
    private final String referenceCategory;
    private final Authenticator authenticator;

    protected FirstLoginStepFactory(String id, String displayType, String helpText, String referenceCategory, Authenticator authenticator) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.referenceCategory = referenceCategory;
        this.authenticator = authenticator;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public String getReferenceCategory() {
        return referenceCategory;
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
        return authenticator;
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
