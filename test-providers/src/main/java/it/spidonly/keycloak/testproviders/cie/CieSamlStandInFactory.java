package it.spidonly.keycloak.testproviders.cie;

import org.keycloak.broker.saml.SAMLIdentityProviderFactory;

/**
 * Stand-in for issue 17's CIE identity provider type ({@code cie-saml}) until that branch is merged: Keycloak's plain
 * SAML identity provider under the CIE provider id, so that the login theme's CIE button (which finds CIE IdPs by
 * provider id) can be tested on the real Keycloak. It follows none of CIE's rules. Remove it when the real type lands
 * (two factories with one id must never be deployed together).
 */
public class CieSamlStandInFactory extends SAMLIdentityProviderFactory {
    public static final String PROVIDER_ID = "cie-saml";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "CIE stand-in (tests only)";
    }
}
