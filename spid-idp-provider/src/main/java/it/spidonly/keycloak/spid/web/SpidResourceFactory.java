package it.spidonly.keycloak.spid.web;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;

/** Serves {@code /realms/{realm}/spid/...}: the SP metadata, the shared ACS and the SLO endpoint. */
public class SpidResourceFactory implements RealmResourceProviderFactory {
    @Override
    public String getId() {
        return SpidEndpointUrls.RESOURCE_PATH;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new SpidResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(EntityIdIndex::onEvent);
    }

    @Override
    public void close() {
    }
}
