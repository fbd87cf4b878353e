package it.spidonly.keycloak.eidas.ficep;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderConfig;

/** The FICEP settings an admin chooses; everything else is FICEP's environment or the SPID profile. */
final class FicepConfigProperties {
    static final List<ProviderConfigProperty> LIST = ProviderConfigurationBuilder.create()
            .property().name(FicepIdentityProviderConfig.ENVIRONMENT).label("FICEP environment")
            .type(ProviderConfigProperty.LIST_TYPE).options("production", "qa", "custom").defaultValue("production")
            .helpText("FICEP production or QA (pre-production): entityID, endpoints and certificate are preset where left empty. "
                    + "custom: set them yourself.").add()
            .property().name("attributeConsumingServiceIndex").label("eIDAS attribute set")
            .type(ProviderConfigProperty.LIST_TYPE).options("99", "100").defaultValue("99")
            .helpText("99: eIDAS minimum set (person identifier, names, date of birth); 100: full set (also place of birth, address, gender).").add()
            .property().name(SpidIdentityProviderConfig.SPID_LEVEL).label("Level")
            .type(ProviderConfigProperty.LIST_TYPE).options("2", "3").defaultValue("2")
            .helpText("2: eIDAS substantial (SpidL2); 3: eIDAS high (SpidL3).").add()
            .property().name("idpEntityId").label("FICEP entityID").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Empty: the environment's (production https://sp-proxy.eid.gov.it/spproxy/idpit).").add()
            .property().name("singleSignOnServiceUrl").label("Single sign-on URL").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Empty: the environment's.").add()
            .property().name("singleLogoutServiceUrl").label("Single logout URL").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Empty: the environment's.").add()
            .property().name("signingCertificate").label("FICEP signing certificate(s)").type(ProviderConfigProperty.TEXT_TYPE)
            .helpText("Base64 DER, several separated by commas. Empty: the one AgID published for the environment "
                    + "(the production one expired on 2024-10-27: paste FICEP's current one).").add()
            .build();

    private FicepConfigProperties() {
    }
}
