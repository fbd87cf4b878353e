package it.spidonly.keycloak.testproviders.eidas;

import org.keycloak.broker.saml.SAMLIdentityProviderFactory;

/**
 * Test stand-in for the eIDAS issue's identity provider types: any provider id starting with {@code eidas-} makes
 * the login theme show "Login with eIDAS". Behaves as Keycloak's plain SAML IdP. Not for production.
 */
public class StandInEidasIdentityProviderFactory extends SAMLIdentityProviderFactory {
    public static final String PROVIDER_ID = "eidas-test-stand-in";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "eIDAS (test stand-in)";
    }
}
