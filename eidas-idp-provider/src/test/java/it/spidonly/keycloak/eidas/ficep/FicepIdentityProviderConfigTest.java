package it.spidonly.keycloak.eidas.ficep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.IdentityProviderSyncMode;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderConfig;
import it.spidonly.keycloak.spid.level.SpidLevel;

class FicepIdentityProviderConfigTest {

    @ParameterizedTest(name = "attributeConsumingServiceIndex \"{0}\" asks for set {1}")
    @CsvSource(value = {"NULL, 99", "99, 99", "100, 100"}, nullValues = "NULL")
    void asksForAnEidasSetNeverASpidOne(String configured, int expected) {
        FicepIdentityProviderConfig config = new FicepIdentityProviderConfig();
        if (configured != null) {
            config.getConfig().put("attributeConsumingServiceIndex", configured);
        }
        assertEquals(expected, config.attributeConsumingServiceIndexOrDefault());
    }

    @ParameterizedTest(name = "spidLevel \"{0}\" asks for {1}")
    @CsvSource(value = {"NULL, L2", "1, L2", "2, L2", "3, L3"}, nullValues = "NULL")
    void asksForSubstantialOrHigh(String configured, SpidLevel expected) {
        FicepIdentityProviderConfig config = new FicepIdentityProviderConfig();
        if (configured != null) {
            config.getConfig().put(SpidIdentityProviderConfig.SPID_LEVEL, configured);
        }
        assertEquals(expected, config.levelOverride().orElseThrow());
    }

    @Test
    void principalIsThePersonIdentifierNotTheFiscalNumber() {
        FicepIdentityProviderConfig config = new FicepIdentityProviderConfig();
        config.applySpidProfile(null);
        assertEquals("spidCode", config.getPrincipalAttribute());
        assertEquals(IdentityProviderSyncMode.FORCE, config.getSyncMode());
        assertEquals(1, config.additionalLoginRules().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "production, https://sp-proxy.eid.gov.it/spproxy/idpit, https://sp-proxy.eid.gov.it/spproxy/samlsso",
            "qa, https://sp-proxy.pre.eid.gov.it/spproxy/idpit, https://sp-proxy.pre.eid.gov.it/spproxy/samlsso"})
    void environmentPresetsFicepsEntityEndpointsAndCertificate(String environment, String entityId, String sso) {
        FicepIdentityProviderConfig config = new FicepIdentityProviderConfig();
        config.getConfig().put(FicepIdentityProviderConfig.ENVIRONMENT, environment);
        config.applySpidProfile(null);
        assertEquals(entityId, config.getIdpEntityId());
        assertEquals(sso, config.getSingleSignOnServiceUrl());
        assertEquals(FicepEnvironment.parse(environment).orElseThrow().certificateBase64(), config.getSigningCertificate());
    }

    @Test
    void presetNeverReplacesWhatTheAdminSet() {
        FicepIdentityProviderConfig config = new FicepIdentityProviderConfig();
        config.getConfig().put(FicepIdentityProviderConfig.ENVIRONMENT, "production");
        config.setSigningCertificate("MIIBrotated");
        config.setSingleSignOnServiceUrl("https://sp-proxy.eid.gov.it/spproxy/samlsso2");
        config.applySpidProfile(null);
        assertEquals("MIIBrotated", config.getSigningCertificate());
        assertEquals("https://sp-proxy.eid.gov.it/spproxy/samlsso2", config.getSingleSignOnServiceUrl());
        assertEquals("https://sp-proxy.eid.gov.it/spproxy/idpit", config.getIdpEntityId());
    }

    @Test
    void customEnvironmentPresetsNothing() {
        FicepIdentityProviderConfig config = new FicepIdentityProviderConfig();
        config.getConfig().put(FicepIdentityProviderConfig.ENVIRONMENT, "custom");
        config.applySpidProfile(null);
        assertEquals(null, config.getIdpEntityId());
    }
}
