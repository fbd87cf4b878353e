package it.spidonly.keycloak.cutover.inps;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

import it.spidonly.keycloak.cutover.CutoverContract;

/** "INPS PIN" for browser flows: usually an alternative beside the username/password form. */
public class InpsPinFormAuthenticatorFactory implements AuthenticatorFactory {
    public static final String PROVIDER_ID = "spid-inps-pin-form";
    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    private static final List<ProviderConfigProperty> PROPERTIES = InpsPinConfig.properties();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "INPS PIN form";
    }

    @Override
    public String getHelpText() {
        return "Fiscal code and INPS PIN, verified by the INPS endpoint of this execution's configuration. Refused from the realm's SPID-only cutover (spid-cutover).";
    }

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
    public Authenticator create(KeycloakSession session) {
        return new InpsPinFormAuthenticator();
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
