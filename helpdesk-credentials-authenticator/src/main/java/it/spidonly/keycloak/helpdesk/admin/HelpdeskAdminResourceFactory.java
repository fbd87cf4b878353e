package it.spidonly.keycloak.helpdesk.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.spid.sp.RealmAdminResourceFactory;

/** Mounts {@link HelpdeskAdminResource} at {@code /admin/realms/{realm}/helpdesk}. */
public class HelpdeskAdminResourceFactory extends RealmAdminResourceFactory {
    public static final String ID = "helpdesk";

    public HelpdeskAdminResourceFactory() {
        super(ID);
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new HelpdeskAdminResource(session, realm, auth, adminEvent);
    }
}
