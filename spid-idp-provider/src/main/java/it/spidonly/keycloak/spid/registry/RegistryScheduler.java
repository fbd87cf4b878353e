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
 * Every minute (option {@code tick-seconds}) on every node: refreshes each realm whose registry is due. A realm is due
 * once per slot of its interval ({@link RegistrySlot}), so a new registry setting is refreshed at the next tick; the
 * node that first puts the slot's key into Keycloak's cluster-wide single-use store runs the refresh, the others skip
 * it. A refresh an admin asks for claims the current slot too (its result stands until the next slot) but does not
 * move the slots. Each realm is
 * refreshed in its own transaction; the status is stored in the realm's {@code spid-registry} settings.
 */
final class RegistryScheduler implements ScheduledTask {
    private static final Logger LOG = Logger.getLogger(RegistryScheduler.class);
    static final String TRIGGER = "scheduled";

    private final RegistryPage page;

    RegistryScheduler(RegistryPage page) {
        this.page = page;
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
        if (!RegistrySlot.claim(session, realmId, settings, now)) {
            return;
        }
        LOG.infof("SPID registry: scheduled refresh of realm %s, slot %s, runs on this node", realm.getName(),
                RegistrySlot.at(now, settings.intervalMinutes()).start());
        RegistryRefresh.Outcome outcome = RegistryRefresh.run(session, realm, settings, RegistryStatus.of(component.getConfig()),
                TRIGGER, page.options(), Clock.systemUTC());
        page.saveStatus(realm, component, outcome.status());
    }
}
