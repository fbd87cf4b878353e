package it.spidonly.keycloak.oidcfed.op;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Keeps every realm's SPID/CIE OPs fresh: on each tick (every {@code refresh-minutes}, default 360) each realm with
 * remembered list sources is refreshed by the one node that first claims the tick's slot in Keycloak's cluster-wide
 * single-use store; each realm in its own transaction. Failures are logged and leave the IdPs as they were.
 */
final class OpListScheduler implements ScheduledTask {
    private static final Logger LOG = Logger.getLogger(OpListScheduler.class);
    private final long intervalMinutes;

    OpListScheduler(long intervalMinutes) {
        this.intervalMinutes = intervalMinutes;
    }

    @Override
    public void run(KeycloakSession session) {
        List<String> realmIds = session.realms().getRealmsStream()
                .filter(r -> !OpListSources.of(r).isEmpty()).map(RealmModel::getId).toList();
        long slot = System.currentTimeMillis() / (intervalMinutes * 60_000L);
        for (String realmId : realmIds) {
            try {
                KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> refresh(s, realmId, slot));
            } catch (RuntimeException e) {
                LOG.warnf("OIDC federation: the scheduled OP refresh of realm id %s failed: %s", realmId, e.toString());
            }
        }
    }

    private void refresh(KeycloakSession session, String realmId, long slot) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null || !session.singleUseObjects().putIfAbsent("oidcfed.ops.slot." + realmId + "." + slot, intervalMinutes * 60)) {
            return;
        }
        session.getContext().setRealm(realm);
        for (OpListSource source : OpListSources.of(realm)) {
            try {
                OpListRefresh.run(session, realm, source);
            } catch (Exception e) {
                LOG.warnf("OIDC federation: OPs of %s in realm %s not refreshed: %s", source.trustAnchor(), realm.getName(), e.toString());
            }
        }
    }
}
