package it.spidonly.keycloak.oidcfed.trust;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.spid.sp.RealmAdminResourceFactory;

/** Registers {@code /admin/realms/{realm}/oidc-federation}. */
public class TrustChainAdminResourceFactory extends RealmAdminResourceFactory {
    public static final String ID = "oidc-federation";

    public TrustChainAdminResourceFactory() {
        super(ID);
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new TrustChainAdminResource(session, realm, auth);
    }
}
