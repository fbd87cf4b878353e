package it.spidonly.keycloak.testproviders.cie;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.broker.saml.SAMLIdentityProviderFactory;
import org.keycloak.models.KeycloakSession;

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

    /** The IdP's metadata as Keycloak's SAML type reads it, the person keyed on the fiscal number (transient NameIDs). */
    @Override
    public Map<String, String> parseConfig(KeycloakSession session, String config) {
        Map<String, String> parsed = new HashMap<>(super.parseConfig(session, config));
        parsed.put("principalType", "ATTRIBUTE");
        parsed.put("principalAttribute", "fiscalNumber");
        return parsed;
    }

    @Override
    public String getName() {
        return "CIE stand-in (tests only)";
    }
}
