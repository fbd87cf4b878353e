package it.spidonly.keycloak.oidcfed.op;

import java.util.List;
import java.util.Map;

import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import it.spidonly.keycloak.oidcfed.login.Profile;

/**
 * The identity provider types of SPID and CIE over OpenID Connect Federation. An IdP of these types stores only the
 * OP's entity id and its trust anchor (made by the OP list refresh, or by an admin); there is no metadata to import.
 */
public abstract class FederatedOpIdentityProviderFactory extends OIDCIdentityProviderFactory {

    protected abstract Profile profile();

    @Override
    public FederatedOpIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        FederatedOpConfig config = new FederatedOpConfig(model);
        config.applyFederationProfile();
        return new FederatedOpIdentityProvider(session, config, profile());
    }

    @Override
    public FederatedOpConfig createConfig() {
        return new FederatedOpConfig();
    }

    /** No discovery document: the OP is described by its trust chain. */
    @Override
    public Map<String, String> parseConfig(KeycloakSession session, String config) {
        throw new IllegalArgumentException("SPID/CIE OIDC providers are described by their trust chain: set opEntityId");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(FederatedOpConfig.OP_ENTITY_ID).label("OP entity id")
                .helpText("The OpenID Provider's federation entity id (https URL); endpoints and keys come from its trust chain.")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(FederatedOpConfig.TRUST_ANCHOR).label("Trust anchor")
                .helpText("The trust anchor that listed this OP.").type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(FederatedOpConfig.SPID_LEVEL).label("SPID level")
                .helpText("1, 2 or 3: overrides the realm's default level for this OP.").type(ProviderConfigProperty.STRING_TYPE).add()
                .build();
    }
}
