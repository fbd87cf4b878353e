package it.spidonly.keycloak.spid.broker;

import java.util.List;
import java.util.Optional;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SamlPrincipalType;
import org.keycloak.utils.KeycloakSessionUtil;

import it.spidonly.keycloak.spid.attributes.SpidAttribute;
import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.metadata.SamlNames;
import it.spidonly.keycloak.spid.realm.SpidRealmSetup;
import it.spidonly.keycloak.spid.rules.Rule;
import it.spidonly.keycloak.spid.rules.RuleChain;
import it.spidonly.keycloak.spid.rules.SpidErrorCode;
import it.spidonly.keycloak.spid.rules.SpidResponse;
import it.spidonly.keycloak.spid.sp.AttributeConsumingService;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * One SPID IdP's settings: what its metadata says (entityID, SSO/SLO URLs, signing certificates) plus an
 * optional level override, with the SP-wide values (entityID, signature algorithm) and the SPID profile's
 * fixed choices laid over Keycloak's SAML settings each time the provider is created. The realm's SP
 * settings stay the one source of truth; nothing SP-wide is copied into the stored IdP.
 */
public class SpidIdentityProviderConfig extends SAMLIdentityProviderConfig {
    /** Per-IdP override of the SP's default SPID level: "1", "2" or "3". */
    public static final String SPID_LEVEL = "spidLevel";

    public SpidIdentityProviderConfig() {
    }

    public SpidIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    /** True only while Keycloak handles a Response whose signatures the SPID rules verified (issue 19). */
    private boolean signaturesVerifiedByRules;

    /**
     * Keycloak's {@code handleLoginResponse} re-verifies the Assertion's signature (on a copy of it) when this is
     * true. While it handles a Response the SPID rules accepted, whose Response and Assertion signatures the rules
     * verified on the same DOM with the same metadata keys (valid certificates only, as Keycloak's key locator),
     * it answers false, so the signatures are verified once per login; everywhere else (logout messages, requests)
     * it is the stored setting, which the SPID profile keeps on.
     */
    @Override
    public boolean isValidateSignature() {
        return !signaturesVerifiedByRules && super.isValidateSignature();
    }

    /** Runs {@code handling} (Keycloak's handling of a rule-checked login Response) as described at {@link #isValidateSignature}. */
    public <T> T withSignaturesVerifiedByRules(java.util.function.Supplier<T> handling) {
        signaturesVerifiedByRules = true;
        try {
            return handling.get();
        } finally {
            signaturesVerifiedByRules = false;
        }
    }

    public Optional<SpidLevel> levelOverride() {
        return SpidLevel.parse(getConfig().get(SPID_LEVEL));
    }

    public int attributeConsumingServiceIndexOrDefault() {
        Integer index = getAttributeConsumingServiceIndex();
        return index == null ? 0 : index;
    }

    /**
     * Rules a successful login Response of this IdP must also pass, after the SPID {@code RuleChain}: none for SPID
     * IdPs; a type built on this one (FICEP) adds the checks of its own identity. Stateless, like every rule.
     */
    public List<Rule> additionalLoginRules() {
        return List.of();
    }

    /**
     * The entityID this IdP type knows the realm's SP by (Issuer of the requests, Audience of the assertions): the SPID
     * SP's; a type with an SP metadata of its own (CIE) answers its own.
     */
    public String serviceProviderEntityId(SpidServiceProviderConfig sp) {
        return sp.entityId();
    }

    /** The RequestedAuthnContext Comparison sent to this IdP: the SP's setting (default minimum). */
    public LevelComparison comparison(SpidServiceProviderConfig sp) {
        return sp.comparison().orElse(LevelComparison.MINIMUM);
    }

    /** ForceAuthn of the AuthnRequest: SPID asks it above L1 and when the application wants a new login. */
    public boolean forceAuthn(SpidLevel level, boolean reauthenticate) {
        return level.requiresForceAuthn() || reauthenticate;
    }

    /** The attributes the SP metadata's AttributeConsumingService {@code index} asks this IdP type for; empty if none. */
    public Optional<List<String>> requestedAttributes(SpidServiceProviderConfig sp, int index) {
        return sp.attributeConsumingService(index).map(AttributeConsumingService::requestedAttributes);
    }

    /** The rule chain a Response of this IdP type runs: SPID's ({@link RuleChain#of}); CIE extends it. */
    public RuleChain loginRules(SpidResponse response) {
        return RuleChain.of(response);
    }

    /** The anomaly a non-Success Response reports ("ErrorCode nrNN"), read by this IdP type's table. */
    public SpidErrorCode errorCode(SpidResponse response) {
        return SpidErrorCode.of(response);
    }

    /**
     * The SPID presets are part of every stored SPID IdP, so Keycloak's own checks see a consistent SAML setup; and
     * whichever way the IdP is saved (console, admin REST, realm import), it gets the bundle's first-login flow and
     * defaults, and the realm what SPID logins need ({@link SpidRealmSetup#forIdentityProvider}).
     */
    @Override
    public void validate(RealmModel realm) {
        applySpidProfile(null);
        super.validate(realm);
        SpidRealmSetup.forIdentityProvider(KeycloakSessionUtil.getKeycloakSession(), realm, this);
    }

    /** SPID profile presets (SPID Regole tecniche, AuthnRequest and Response). */
    public void applySpidProfile(SpidServiceProviderConfig sp) {
        if (sp != null) {
            setEntityId(sp.entityId());
            getConfig().put(SIGNATURE_ALGORITHM, sp.signatureAlgorithm());
            // the one clock skew: Keycloak's own checks after the SPID rules use the same allowance
            setAllowedClockSkew((int) sp.clockSkewOrDefault().toSeconds());
        }
        setNameIDPolicyFormat(SamlNames.NAMEID_TRANSIENT);
        setPrincipalType(SamlPrincipalType.ATTRIBUTE);
        setPrincipalAttribute(SpidAttribute.fiscalNumber.name());
        setWantAuthnRequestsSigned(true);
        setValidateSignature(true);
        setWantAssertionsSigned(true);
        setWantAssertionsEncrypted(false);
        setPostBindingResponse(true);
        setArtifactBindingResponse(false);
        setAllowCreated(false);
        setLoginHint(false);
        setUseMetadataDescriptorUrl(false);
    }
}
