package it.spidonly.keycloak.oidcfed.trust;

import java.time.Clock;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** The default {@link TrustChainResolver}: {@code oidcfed-trust-chain} provider {@value #ID}. */
public class FederationTrustChainResolverFactory implements TrustChainResolverFactory {
    public static final String ID = "oidcfed-default";

    @Override
    public TrustChainResolver create(KeycloakSession session) {
        return new FederationTrustChainResolver(session, Clock.systemUTC());
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
