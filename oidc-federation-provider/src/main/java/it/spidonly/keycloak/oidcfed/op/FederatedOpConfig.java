package it.spidonly.keycloak.oidcfed.op;

import java.net.URI;
import java.util.Optional;

import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import org.keycloak.utils.KeycloakSessionUtil;

import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.realm.SpidRealmSetup;

/**
 * One SPID/CIE OP's settings: its entity id and the trust anchor it was listed by, an optional SPID level override.
 * Nothing else is typed: endpoints and keys come from the resolved trust chain at each login. Keycloak's OIDC
 * settings are preset to what the rules require (private_key_jwt, PKCE S256, our own signature checks), and saving
 * it gives the IdP the bundle's first-login flow, sync mode FORCE and the realm the SPID user profile, like a SPID IdP.
 */
public class FederatedOpConfig extends OIDCIdentityProviderConfig {
    public static final String OP_ENTITY_ID = "opEntityId";
    public static final String TRUST_ANCHOR = "trustAnchor";
    public static final String SPID_LEVEL = "spidLevel";

    public FederatedOpConfig() {
    }

    public FederatedOpConfig(IdentityProviderModel model) {
        super(model);
    }

    public String opEntityId() {
        return getConfig().get(OP_ENTITY_ID);
    }

    public String trustAnchor() {
        return getConfig().get(TRUST_ANCHOR);
    }

    public Optional<SpidLevel> levelOverride() {
        return SpidLevel.parse(getConfig().get(SPID_LEVEL));
    }

    @Override
    public void validate(RealmModel realm) {
        String op = opEntityId();
        if (op == null || !isHttpUrl(op)) {
            throw new IllegalArgumentException("opEntityId must be the OP's entity id (an https URL)");
        }
        applyFederationProfile();
        super.validate(realm);
        SpidRealmSetup.forIdentityProvider(KeycloakSessionUtil.getKeycloakSession(), realm, this);
    }

    /** SPID/CIE OIDC presets (stored, so Keycloak's own checks see a consistent OIDC setup). */
    public void applyFederationProfile() {
        getConfig().put("clientAuthMethod", "private_key_jwt");
        getConfig().put("clientAssertionSigningAlg", "RS256");
        setPkceEnabled(true);
        setPkceMethod("S256");
        setValidateSignature(false); // verified by the login itself with the OP's keys from the trust chain
        setUseJwksUrl(false);
        setDisableUserInfoService(false);
        setBackchannelSupported(false);
        setLoginHint(false);
        if (getConfig().get("clientId") == null) {
            getConfig().put("clientId", "oidc-federation");
        }
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
