package it.spidonly.keycloak.helpdesk.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.TimerProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import it.spidonly.keycloak.helpdesk.lifecycle.ExpirySweep;
import it.spidonly.keycloak.spid.sp.RealmAdminResourceFactory;

/**
 * Mounts {@link HelpdeskAdminResource} at {@code /admin/realms/{realm}/helpdesk}, and schedules the
 * {@link ExpirySweep} (every {@code expirySweepSeconds}, default 60: server option
 * {@code --spi-admin-realm-restapi-extension--helpdesk--expiry-sweep-seconds}).
 */
public class HelpdeskAdminResourceFactory extends RealmAdminResourceFactory {
    public static final String ID = "helpdesk";

    public HelpdeskAdminResourceFactory() {
        super(ID);
    }

    private long sweepSeconds = 60;

    @Override
    public void init(Config.Scope config) {
        sweepSeconds = Math.max(1, config.getLong("expirySweepSeconds", 60L));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                .scheduleTask(new ExpirySweep(), sweepSeconds * 1000, ExpirySweep.TASK_NAME));
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new HelpdeskAdminResource(session, realm, auth, adminEvent);
    }
}
