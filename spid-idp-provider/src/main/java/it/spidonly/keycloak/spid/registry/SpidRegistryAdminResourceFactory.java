package it.spidonly.keycloak.spid.registry;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.ui.extend.UiPageProvider;

import it.spidonly.keycloak.spid.sp.RealmAdminResourceFactory;

/** Registers {@code /admin/realms/{realm}/spid-registry}. */
public class SpidRegistryAdminResourceFactory extends RealmAdminResourceFactory {
    public static final String ID = "spid-registry";

    public SpidRegistryAdminResourceFactory() {
        super(ID);
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        RegistryPage page = (RegistryPage) session.getKeycloakSessionFactory()
                .getProviderFactory(UiPageProvider.class, RegistryPage.PROVIDER_ID);
        return new SpidRegistryAdminResource(session, realm, auth, adminEvent, page);
    }
}
