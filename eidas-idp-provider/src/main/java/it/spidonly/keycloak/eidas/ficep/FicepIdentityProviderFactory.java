package it.spidonly.keycloak.eidas.ficep;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * The "eIDAS (FICEP)" identity provider type, {@code eidas-ficep}: EU/EEA citizens log in with their national eID
 * through FICEP, Italy's eIDAS connector, which speaks the SPID profile. Built on the SPID type (same request,
 * shared ACS and rules, the realm's one SP metadata); the login page shows it as "Login with eIDAS" (any
 * {@code eidas-} type). Preset for FICEP production and QA ({@link FicepEnvironment}).
 */
public class FicepIdentityProviderFactory extends SpidIdentityProviderFactory {
    public static final String PROVIDER_ID = "eidas-ficep";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "eIDAS (FICEP)";
    }

    @Override
    public FicepIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        SpidServiceProviderConfig sp = realmServiceProvider(session);
        FicepIdentityProviderConfig config = new FicepIdentityProviderConfig(model);
        config.applySpidProfile(sp);
        return new FicepIdentityProvider(session, config, sp, destinationValidator());
    }

    @Override
    public FicepIdentityProviderConfig createConfig() {
        return new FicepIdentityProviderConfig();
    }

    @Override
    public Map<String, String> parseConfig(KeycloakSession session, String metadata) {
        FicepIdentityProviderConfig config = new FicepIdentityProviderConfig();
        config.getConfig().putAll(super.parseConfig(session, metadata));
        config.applySpidProfile(null);
        return config.getConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return FicepConfigProperties.LIST;
    }
}
