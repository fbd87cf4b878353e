package it.spidonly.keycloak.eidas.node.broker;

import java.util.Arrays;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SamlPrincipalType;
import org.keycloak.utils.KeycloakSessionUtil;

import it.spidonly.keycloak.eidas.claims.EidasLevel;
import it.spidonly.keycloak.eidas.node.EidasRequestedAttribute;
import it.spidonly.keycloak.eidas.realm.EidasRealmSetup;

/**
 * One eIDAS node (a country's Proxy-Service or a connector): Keycloak's SAML settings for its entityID, SSO URL and
 * signing certificates, plus the eIDAS choices: level (default substantial), SPType (default public), the signing
 * algorithm of the realm key that signs requests (PS256 or ES256) and whether assertions must be encrypted (default
 * yes). Keycloak's own signature and encryption checks are off: the eIDAS rules make them, before decryption.
 */
public class EidasNodeIdentityProviderConfig extends SAMLIdentityProviderConfig {
    public static final String LEVEL = "eidasLevel";
    public static final String SP_TYPE = "eidasSpType";
    public static final String SIGNING_ALGORITHM = "eidasSigningAlgorithm";
    public static final String REQUIRE_ENCRYPTION = "eidasRequireEncryption";

    public EidasNodeIdentityProviderConfig() {
    }

    public EidasNodeIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    public EidasLevel level() {
        String raw = getConfig().get(LEVEL);
        return Arrays.stream(EidasLevel.values()).filter(l -> l.name().equalsIgnoreCase(raw == null ? "" : raw.trim()))
                .findFirst().orElse(EidasLevel.SUBSTANTIAL);
    }

    public String spType() {
        return "private".equals(getConfig().get(SP_TYPE)) ? "private" : "public";
    }

    /** "PS256" (RSASSA-PSS, RSA >= 3072) or "ES256" (ECDSA P-256). */
    public String signingAlgorithm() {
        return "ES256".equals(getConfig().get(SIGNING_ALGORITHM)) ? "ES256" : "PS256";
    }

    public boolean encryptionRequired() {
        return !"false".equals(getConfig().get(REQUIRE_ENCRYPTION));
    }

    /** The eIDAS presets; Keycloak's checks that the eIDAS rules replace are off. */
    public void applyEidasProfile() {
        setPrincipalType(SamlPrincipalType.ATTRIBUTE);
        setPrincipalAttribute(EidasRequestedAttribute.PERSON_IDENTIFIER);
        setNameIDPolicyFormat("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        setPostBindingResponse(true);
        setPostBindingAuthnRequest(true);
        setValidateSignature(false);
        setWantAssertionsSigned(false);
        setWantAssertionsEncrypted(false);
        setWantAuthnRequestsSigned(false);
        setArtifactBindingResponse(false);
        setSyncMode(IdentityProviderSyncMode.FORCE);
        setLoginHint(false);
    }

    @Override
    public void validate(RealmModel realm) {
        applyEidasProfile();
        super.validate(realm);
        EidasRealmSetup.ensure(KeycloakSessionUtil.getKeycloakSession(), realm, this);
    }
}
