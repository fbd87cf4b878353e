package it.spidonly.keycloak.spid.broker;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.saml.SAMLIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.validators.DestinationValidator;

import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;
import it.spidonly.keycloak.spid.sp.SpidServiceProviders;

/**
 * The "SPID" identity provider type. Its id contains "saml" so the admin console shows the SAML
 * settings form (and "import from metadata") for it. Configured from an IdP's metadata: entityID, SSO and
 * SLO URLs and every signing certificate; the SP side comes from the realm's SPID service provider.
 */
public class SpidIdentityProviderFactory extends SAMLIdentityProviderFactory {
    public static final String PROVIDER_ID = "spid-saml";

    private DestinationValidator destinationValidator;

    /**
     * Whether IdPs of this provider type speak the SPID profile through this bundle's SP: {@code spid-saml} and every
     * type built on this factory (e.g. the eIDAS module's FICEP type). Their responses arrive at the shared ACS.
     */
    public static boolean speaksSpidProfile(KeycloakSession session, String providerId) {
        if (PROVIDER_ID.equals(providerId)) {
            return true;
        }
        Object factory = providerId == null ? null : session.getKeycloakSessionFactory().getProviderFactory(IdentityProvider.class, providerId);
        return factory instanceof SpidIdentityProviderFactory;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "SPID";
    }

    @Override
    public void init(Config.Scope config) {
        super.init(config);
        destinationValidator = DestinationValidator.forProtocolMap(config.getArray("knownProtocols"));
    }

    /** The Destination check configured once in {@link #init}, for this type and the types built on it. */
    protected DestinationValidator destinationValidator() {
        return destinationValidator;
    }

    /** The SP settings of the request's realm; {@code null} outside a realm or before the SP is described. */
    protected static SpidServiceProviderConfig realmServiceProvider(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        return realm == null ? null : SpidServiceProviders.of(realm).orElse(null);
    }

    @Override
    public SpidIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        SpidServiceProviderConfig sp = realmServiceProvider(session);
        SpidIdentityProviderConfig config = new SpidIdentityProviderConfig(model);
        config.applySpidProfile(sp);
        return new SpidIdentityProvider(session, config, sp, destinationValidator);
    }

    @Override
    public SpidIdentityProviderConfig createConfig() {
        return new SpidIdentityProviderConfig();
    }

    @Override
    public Map<String, String> parseConfig(KeycloakSession session, String metadata) {
        Map<String, String> parsed = super.parseConfig(session, metadata);
        SpidIdentityProviderConfig config = new SpidIdentityProviderConfig();
        config.getConfig().putAll(parsed);
        config.applySpidProfile(null);
        return config.getConfig();
    }
}
