package it.spidonly.keycloak.cutover.inps;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import it.spidonly.keycloak.cutover.CutoverContract;

/** What the two INPS PIN authenticators (login page, password grant) have in common: their settings and choices. */
abstract class InpsPinAuthenticatorFactory implements AuthenticatorFactory {
    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    private static final List<ProviderConfigProperty> PROPERTIES = InpsPinConfig.properties();

    @Override
    public String getReferenceCategory() {
        return CutoverContract.CREDENTIAL_INPS_PIN;
    }

    @Override
    public boolean isConfigurable() {
        return true;
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
        return PROPERTIES;
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
