package it.spidonly.keycloak.cie.broker;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import it.spidonly.keycloak.spid.broker.SpidIdentityProviderConfig;

/** The CIE settings an admin chooses; everything else is the Ministry's environment or the SPID/CIE profile. */
final class CieConfigProperties {
    static final List<ProviderConfigProperty> LIST = ProviderConfigurationBuilder.create()
            .property().name(CieIdentityProviderConfig.ENVIRONMENT).label("CIE environment")
            .type(ProviderConfigProperty.LIST_TYPE).options("production", "preproduction", "custom").defaultValue("production")
            .helpText("The Ministry of the Interior's production or pre-production CIE IdP: entityID, endpoints and certificate "
                    + "are preset. custom: import them from the IdP's metadata (e.g. a test IdP).").add()
            .property().name(SpidIdentityProviderConfig.SPID_LEVEL).label("Level")
            .type(ProviderConfigProperty.LIST_TYPE).options("1", "2", "3")
            .helpText("Empty: the SP's default level. 1: CieID username and password; 2: CieID app or OTP; 3: the card and its PIN.").add()
            .property().name("postBindingAuthnRequest").label("HTTP-POST binding for AuthnRequest")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
            .helpText("On: requests go by HTTP-POST to the POST SSO URL; off: by HTTP-Redirect to the Redirect SSO URL.").add()
            .property().name("idpEntityId").label("CIE entityID").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("custom only: the IdP's entityID (for the Ministry's, its HTTP-POST SSO URL).").add()
            .property().name("singleSignOnServiceUrl").label("Single sign-on URL").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("custom only.").add()
            .property().name("singleLogoutServiceUrl").label("Single logout URL").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("custom only. CIE never answers a logout: Keycloak ends the session itself.").add()
            .property().name("signingCertificate").label("CIE signing certificate(s)").type(ProviderConfigProperty.TEXT_TYPE)
            .helpText("custom only: base64 DER, several separated by commas.").add()
            .build();

    private CieConfigProperties() {
    }
}
