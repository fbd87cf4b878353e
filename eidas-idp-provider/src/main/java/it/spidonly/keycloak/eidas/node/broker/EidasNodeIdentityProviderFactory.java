package it.spidonly.keycloak.eidas.node.broker;

import org.keycloak.Config;
import org.keycloak.broker.saml.SAMLIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.validators.DestinationValidator;

/**
 * The "eIDAS node" identity provider type, {@code eidas-node}: the native eIDAS SAML profile towards one eIDAS node
 * (eIDAS SAML Message Format v1.2), signed with RSASSA-PSS or ECDSA, encrypted assertions. Its id has no "saml": the
 * console shows the generic form; the settings are Keycloak's SAML keys plus those of {@link EidasNodeIdentityProviderConfig}.
 */
public class EidasNodeIdentityProviderFactory extends SAMLIdentityProviderFactory {
    public static final String PROVIDER_ID = "eidas-node";

    private DestinationValidator destinationValidator;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "eIDAS node";
    }

    @Override
    public void init(Config.Scope config) {
        super.init(config);
        destinationValidator = DestinationValidator.forProtocolMap(config.getArray("knownProtocols"));
    }

    @Override
    public EidasNodeIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        EidasNodeIdentityProviderConfig config = new EidasNodeIdentityProviderConfig(model);
        config.applyEidasProfile();
        return new EidasNodeIdentityProvider(session, config, destinationValidator);
    }

    @Override
    public EidasNodeIdentityProviderConfig createConfig() {
        return new EidasNodeIdentityProviderConfig();
    }
}
