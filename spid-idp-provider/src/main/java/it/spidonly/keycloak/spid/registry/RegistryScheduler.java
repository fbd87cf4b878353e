package it.spidonly.keycloak.spid.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Every few seconds on every node: refreshes each realm whose registry is due. A realm is due once per slot of its
 * interval ({@link RegistrySlot}) unless it was refreshed during the slot already; the node that first puts the
 * slot's key into Keycloak's cluster-wide single-use store runs the refresh, the others skip it. Each realm is
 * refreshed in its own transaction; the status is stored in the realm's {@code spid-registry} settings.
 */
final class RegistryScheduler implements ScheduledTask {
    private static final Logger LOG = Logger.getLogger(RegistryScheduler.class);
    static final String TRIGGER = "scheduled";

    private final RegistryOptions options;

    RegistryScheduler(RegistryOptions options) {
        this.options = options;
    }

    @Override
    public void run(KeycloakSession session) {
        List<String> realmIds = session.realms().getRealmsStream()
                .filter(realm -> RegistryComponents.of(realm).isPresent()).map(RealmModel::getId).toList();
        for (String realmId : realmIds) {
            try {
                KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> refreshIfDue(s, realmId));
            } catch (RuntimeException e) {
                LOG.warnf("SPID registry: the scheduled refresh of realm id %s failed: %s", realmId, e.toString());
            }
        }
    }

    private void refreshIfDue(KeycloakSession session, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        ComponentModel component = realm == null ? null : RegistryComponents.of(realm).orElse(null);
        if (component == null) {
            return;
        }
        session.getContext().setRealm(realm);
        RegistrySettings settings = RegistrySettings.of(component.getConfig());
        if (!settings.scheduled()) {
            return;
        }
        Instant now = Clock.systemUTC().instant();
        RegistrySlot slot = RegistrySlot.at(now, settings.intervalMinutes());
        RegistryStatus status = RegistryStatus.of(component.getConfig());
        if (!status.lastAttemptInstant().isBefore(slot.start())) {
            return;
        }
        long lifespan = slot.end().getEpochSecond() - now.getEpochSecond() + 60;
        if (!session.singleUseObjects().putIfAbsent(slot.claimKey(realmId), lifespan)) {
            return;
        }
        LOG.infof("SPID registry: scheduled refresh of realm %s, slot %s, runs on this node", realm.getName(), slot.start());
        RegistryRefresh.Outcome outcome = RegistryRefresh.run(session, realm, settings, status, TRIGGER, options, Clock.systemUTC());
        RegistryComponents.saveStatus(realm, component, outcome.status());
    }
}
