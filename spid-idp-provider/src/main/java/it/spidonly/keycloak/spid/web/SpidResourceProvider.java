package it.spidonly.keycloak.spid.web;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class SpidResourceProvider implements RealmResourceProvider {
    private final KeycloakSession session;

    SpidResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new SpidResource(session);
    }

    @Override
    public void close() {
    }
}
