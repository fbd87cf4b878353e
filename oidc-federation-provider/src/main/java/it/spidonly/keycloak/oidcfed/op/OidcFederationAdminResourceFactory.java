package it.spidonly.keycloak.oidcfed.op;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.TimerProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.spid.sp.RealmAdminResourceFactory;

/**
 * The OP list refresh: {@code POST /admin/realms/{realm}/oidc-federation/ops/refresh} (a sub-resource of the trust
 * chain's admin resource, which owns {@code oidc-federation}), also registered at
 * {@code /admin/realms/{realm}/oidc-federation-ops/refresh}; schedules the periodic refresh on each node.
 */
public class OidcFederationAdminResourceFactory extends RealmAdminResourceFactory {
    public static final String ID = "oidc-federation-ops";

    public OidcFederationAdminResourceFactory() {
        super(ID);
    }

    private long refreshMinutes = 360;

    @Override
    public void init(Config.Scope config) {
        refreshMinutes = Math.max(1, config.getLong("refresh-minutes", 360L));
    }

    /** Schedules the OP list refresh ({@link OpListScheduler}) on this node. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            if (timer != null) {
                timer.scheduleTask(new OpListScheduler(refreshMinutes), refreshMinutes * 60_000L, "oidcfed-op-list-refresh");
            }
        });
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new OpsAdminResource(session, realm, auth, adminEvent);
    }
}
