package it.spidonly.keycloak.spid.readiness;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.spid.sp.RealmAdminResourceFactory;

/** Registers {@code /admin/realms/{realm}/spid-readiness}. */
public class SpidReadinessAdminResourceFactory extends RealmAdminResourceFactory {
    public static final String ID = "spid-readiness";

    public SpidReadinessAdminResourceFactory() {
        super(ID);
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new SpidReadinessAdminResource(session, realm, auth);
    }
}
