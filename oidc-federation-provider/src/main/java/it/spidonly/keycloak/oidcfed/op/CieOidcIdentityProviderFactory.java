package it.spidonly.keycloak.oidcfed.op;

import it.spidonly.keycloak.oidcfed.login.Profile;

/** Provider type {@value #PROVIDER_ID}: a CIE OpenID Provider of the federation (grouped with {@code cie-saml}). */
public class CieOidcIdentityProviderFactory extends FederatedOpIdentityProviderFactory {
    public static final String PROVIDER_ID = "cie-oidc";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "CIE (OpenID Connect Federation)";
    }

    @Override
    protected Profile profile() {
        return Profile.CIE;
    }
}
