package it.spidonly.keycloak.cutover.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.spid.sp.RealmAdminResourceFactory;

/** Mounts {@link CutoverAdminResource} at {@code /admin/realms/{realm}/spid-cutover}. */
public class CutoverAdminResourceProviderFactory extends RealmAdminResourceFactory {
    public static final String ID = "spid-cutover";

    public CutoverAdminResourceProviderFactory() {
        super(ID);
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new CutoverAdminResource(session, realm, auth, adminEvent);
    }
}
