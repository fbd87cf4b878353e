package it.spidonly.keycloak.cie.broker;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.cie.rules.CieRuleChains;
import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.broker.SpidIdentityProviderConfig;
import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.rules.RuleChain;
import it.spidonly.keycloak.spid.rules.SpidErrorCode;
import it.spidonly.keycloak.spid.rules.SpidResponse;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * A CIE IdP: the SPID profile of {@link SpidIdentityProviderConfig} (same request builder, shared ACS, same identity
 * by fiscal number) with CIE's differences (CIE SAML rules, "Protocolli"): the CIE SP's own entityID, ForceAuthn
 * always, Comparison only {@code exact} or {@code minimum}, AttributeConsumingService 0 of the CIE metadata (the four
 * CIE attributes), CIE's extra rules and error codes; the Ministry's environment presets.
 */
public class CieIdentityProviderConfig extends SpidIdentityProviderConfig {
    /** "production", "preproduction" or "custom" (configured from metadata, e.g. the test IdP). */
    public static final String ENVIRONMENT = "cieEnvironment";

    private CieServiceProvider serviceProvider;

    public CieIdentityProviderConfig() {
    }

    public CieIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    public Optional<CieEnvironment> environment() {
        return CieEnvironment.parse(getConfig().get(ENVIRONMENT));
    }

    /** The realm's CIE SP this IdP is used by, set when the provider is created for a request. */
    public void serviceProvider(CieServiceProvider cie) {
        this.serviceProvider = cie;
        if (cie != null) {
            setEntityId(cie.entityId());
        }
    }

    @Override
    public String serviceProviderEntityId(SpidServiceProviderConfig sp) {
        return serviceProvider != null ? serviceProvider.entityId() : sp.entityId();
    }

    /** CIE accepts {@code exact} and {@code minimum} only: an SP set to {@code exact} keeps it, anything else is minimum. */
    @Override
    public LevelComparison comparison(SpidServiceProviderConfig sp) {
        return sp.comparison().filter(c -> c == LevelComparison.EXACT).orElse(LevelComparison.MINIMUM);
    }

    /** CIE SAML rules, AuthnRequest: {@code ForceAuthn="true"} always. */
    @Override
    public boolean forceAuthn(SpidLevel level, boolean reauthenticate) {
        return true;
    }

    /** The CIE metadata has one AttributeConsumingService, index 0. */
    @Override
    public int attributeConsumingServiceIndexOrDefault() {
        return 0;
    }

    @Override
    public Optional<List<String>> requestedAttributes(SpidServiceProviderConfig sp, int index) {
        return index == 0 ? Optional.of(CieServiceProvider.ATTRIBUTES) : Optional.empty();
    }

    @Override
    public RuleChain loginRules(SpidResponse response) {
        return CieRuleChains.of(response);
    }

    @Override
    public SpidErrorCode errorCode(SpidResponse response) {
        return SpidErrorCode.ofCie(response);
    }

    @Override
    public void applySpidProfile(SpidServiceProviderConfig sp) {
        super.applySpidProfile(sp);
        environment().ifPresent(this::applyPreset);
    }

    @Override
    public void validate(RealmModel realm) {
        String level = getConfig().get(SPID_LEVEL);
        if (level != null && !level.isBlank() && SpidLevel.parse(level).isEmpty()) {
            throw new IllegalArgumentException("CIE: the level (spidLevel) must be 1, 2 or 3");
        }
        super.validate(realm);
    }

    /**
     * The Ministry's environment: entityID = the HTTP-POST SSO URL; the SSO URL of the binding the requests use (CIE:
     * the Destination is the SSO Location of that binding); the HTTP-Redirect SLO; the Ministry's signing certificate.
     */
    private void applyPreset(CieEnvironment environment) {
        if (getConfig().get(POST_BINDING_AUTHN_REQUEST) == null) {
            setPostBindingAuthnRequest(true); // the default: HTTP-POST to the POST SSO URL (the entityID)
        }
        setIdpEntityId(environment.entityId());
        setSingleSignOnServiceUrl(isPostBindingAuthnRequest() ? environment.singleSignOnPostUrl() : environment.singleSignOnRedirectUrl());
        setSingleLogoutServiceUrl(environment.singleLogoutRedirectUrl());
        setPostBindingLogout(false);
        setSigningCertificate(environment.signingCertificateBase64());
    }
}
