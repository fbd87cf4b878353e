package it.spidonly.keycloak.spid.sp;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * An admin REST resource of the bundle at {@code /admin/realms/{realm}/<id>}: the factory and provider plumbing,
 * stateless; subclasses only build the resource in {@code getResource}.
 */
public abstract class RealmAdminResourceFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {
    private final String id;

    protected RealmAdminResourceFactory(String id) {
        this.id = id;
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return id;
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
