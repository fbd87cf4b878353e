package it.spidonly.keycloak.spid.console;

import static org.keycloak.provider.ProviderConfigProperty.LIST_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.STRING_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.TEXT_TYPE;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The fields of the console page "Add SPID identity provider" ({@link SpidIdpPage}); names without dots. */
final class SpidIdpPageProperties {
    static final String ALIAS = "alias";
    static final String DISPLAY_NAME = "displayName";
    static final String METADATA_URL = "metadataUrl";
    static final String METADATA_XML = "metadataXml";
    static final String LEVEL = "spidLevel";

    private SpidIdpPageProperties() {
    }

    static List<ProviderConfigProperty> build() {
        return ProviderConfigurationBuilder.create()
                .property().name(ALIAS).label("Alias").type(STRING_TYPE).required(true)
                .helpText("The identity provider's alias in this realm (letters, digits, '.', '_', '-'), e.g. spid-poste.").add()
                .property().name(DISPLAY_NAME).label("Display name").type(STRING_TYPE)
                .helpText("The name citizens see in the SPID button, e.g. Poste Italiane.").add()
                .property().name(METADATA_URL).label("Metadata URL").type(STRING_TYPE)
                .helpText("The IdP's SAML metadata URL (https). Give this or the metadata XML below.").add()
                .property().name(METADATA_XML).label("Metadata XML").type(TEXT_TYPE)
                .helpText("Or paste the IdP's SAML metadata document here. It is imported on save and not kept.").add()
                .property().name(LEVEL).label("SPID level").type(LIST_TYPE).options("", "1", "2", "3").defaultValue("")
                .helpText("The SPID level to request from this IdP; empty: the service provider's default.").add()
                .build();
    }
}
