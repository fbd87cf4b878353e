package it.spidonly.keycloak.eidas.ficep;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.RealmModel;
import org.keycloak.utils.KeycloakSessionUtil;

import it.spidonly.keycloak.eidas.realm.EidasRealmSetup;
import it.spidonly.keycloak.spid.attributes.SpidAttribute;
import it.spidonly.keycloak.spid.broker.SpidIdentityProviderConfig;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.rules.Rule;
import it.spidonly.keycloak.spid.sp.EidasAttributeSets;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * A FICEP IdP: the SPID profile of {@link SpidIdentityProviderConfig}, with FICEP's differences (AgID, eIDAS guide
 * for SPID SPs): principal = {@code spidCode} (the eIDAS PersonIdentifier; no fiscal number), attribute set 99
 * (default) or 100, level L2 (default) or L3, the environment's entityID, endpoints and certificate where the stored
 * IdP leaves them empty, and the eIDAS first-login flow.
 */
public class FicepIdentityProviderConfig extends SpidIdentityProviderConfig {
    /** "production", "qa" or "custom" (everything configured by hand, e.g. a test IdP). */
    public static final String ENVIRONMENT = "ficepEnvironment";

    public FicepIdentityProviderConfig() {
    }

    public FicepIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    public Optional<FicepEnvironment> environment() {
        return FicepEnvironment.parse(getConfig().get(ENVIRONMENT));
    }

    /** 100 when configured, otherwise 99: FICEP never gets a SPID attribute set. */
    @Override
    public int attributeConsumingServiceIndexOrDefault() {
        Integer index = getAttributeConsumingServiceIndex();
        return index != null && index == EidasAttributeSets.FULL_INDEX ? EidasAttributeSets.FULL_INDEX : EidasAttributeSets.MINIMUM_INDEX;
    }

    /** Always a level: L3 when configured, otherwise L2 (eIDAS "substantial"), whatever the SP's default. */
    @Override
    public Optional<SpidLevel> levelOverride() {
        return Optional.of(super.levelOverride().filter(level -> level == SpidLevel.L3).orElse(SpidLevel.L2));
    }

    @Override
    public List<Rule> additionalLoginRules() {
        return List.of(new PersonIdentifierRule());
    }

    @Override
    public void applySpidProfile(SpidServiceProviderConfig sp) {
        super.applySpidProfile(sp);
        setPrincipalAttribute(SpidAttribute.spidCode.name());
        setSyncMode(IdentityProviderSyncMode.FORCE);
        environment().ifPresent(this::applyPreset);
    }

    /** Checks the FICEP choices, then gives the realm what eIDAS logins need (flow, claims, user profile). */
    @Override
    public void validate(RealmModel realm) {
        super.validate(realm);
        Integer index = getAttributeConsumingServiceIndex();
        if (index != null && index != EidasAttributeSets.MINIMUM_INDEX && index != EidasAttributeSets.FULL_INDEX) {
            throw new IllegalArgumentException("FICEP: the attribute set (attributeConsumingServiceIndex) must be 99 or 100");
        }
        String level = getConfig().get(SPID_LEVEL);
        if (level != null && !level.isBlank() && !"2".equals(level.trim()) && !"3".equals(level.trim())) {
            throw new IllegalArgumentException("FICEP: the level (spidLevel) must be 2 or 3");
        }
        EidasRealmSetup.ensure(KeycloakSessionUtil.getKeycloakSession(), realm, this);
    }

    private void applyPreset(FicepEnvironment environment) {
        if (isBlank(getIdpEntityId())) {
            setIdpEntityId(environment.entityId());
        }
        if (isBlank(getSingleSignOnServiceUrl())) {
            setSingleSignOnServiceUrl(environment.singleSignOnUrl());
        }
        if (isBlank(getSingleLogoutServiceUrl())) {
            setSingleLogoutServiceUrl(environment.singleLogoutUrl());
        }
        if (isBlank(getConfig().get(SIGNING_CERTIFICATE_KEY))) {
            setSigningCertificate(environment.certificateBase64());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
