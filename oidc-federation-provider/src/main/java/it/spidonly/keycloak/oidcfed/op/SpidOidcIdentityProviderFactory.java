package it.spidonly.keycloak.oidcfed.op;

import it.spidonly.keycloak.oidcfed.login.Profile;

/** Provider type {@value #PROVIDER_ID}: a SPID OpenID Provider of the federation (grouped with {@code spid-saml}). */
public class SpidOidcIdentityProviderFactory extends FederatedOpIdentityProviderFactory {
    public static final String PROVIDER_ID = "spid-oidc";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "SPID (OpenID Connect Federation)";
    }

    @Override
    protected Profile profile() {
        return Profile.SPID;
    }
}
