package it.spidonly.keycloak.cie.broker;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * The "CIE (Carta d'Identità Elettronica)" identity provider type, {@code cie-saml}: "Entra con CIE" over SAML, built
 * on the SPID type (same request, shared ACS where Responses are routed by Issuer, the SPID rule chain extended by
 * CIE's, one identity by fiscal number), with the realm's CIE SP metadata. Preset for the Ministry's production and
 * pre-production IdP ({@link CieEnvironment}) or configured from metadata ({@code custom}).
 */
public class CieIdentityProviderFactory extends SpidIdentityProviderFactory {
    public static final String PROVIDER_ID = "cie-saml";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "CIE (Carta d'Identità Elettronica)";
    }

    @Override
    public CieIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        SpidServiceProviderConfig sp = realmServiceProvider(session);
        CieIdentityProviderConfig config = new CieIdentityProviderConfig(model);
        config.applySpidProfile(sp);
        if (sp != null) {
            baseUri(session).ifPresent(base -> config.serviceProvider(CieServiceProvider.of(sp, base, session.getContext().getRealm().getName())));
        }
        return new CieIdentityProvider(session, config, sp, destinationValidator());
    }

    /** The request's base URI (the CIE entityID defaults to a URL under it); empty outside an HTTP request. */
    private static java.util.Optional<java.net.URI> baseUri(KeycloakSession session) {
        try {
            return java.util.Optional.ofNullable(session.getContext().getUri()).map(uri -> uri.getBaseUri());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public CieIdentityProviderConfig createConfig() {
        return new CieIdentityProviderConfig();
    }

    /** From an IdP's metadata: the {@code custom} environment with what the metadata says. */
    @Override
    public Map<String, String> parseConfig(KeycloakSession session, String metadata) {
        CieIdentityProviderConfig config = new CieIdentityProviderConfig();
        config.getConfig().putAll(super.parseConfig(session, metadata));
        config.getConfig().put(CieIdentityProviderConfig.ENVIRONMENT, "custom");
        config.applySpidProfile(null);
        return config.getConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CieConfigProperties.LIST;
    }
}
