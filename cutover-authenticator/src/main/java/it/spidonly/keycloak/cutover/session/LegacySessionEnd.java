package it.spidonly.keycloak.cutover.session;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

import it.spidonly.keycloak.cutover.settings.CutoverSettings;
import it.spidonly.keycloak.cutover.settings.Cutovers;

/**
 * At the cutover instant, ends the sessions that rest on a legacy credential ({@link LegacySessionNote}): their
 * refresh and offline tokens stop working, SPID, eIDAS and help-desk sessions stay. Runs on every node every
 * {@code session-end-tick-seconds} (default 30); for a realm whose instant has passed and is not yet
 * {@linkplain LegacySessionsEnded recorded as done}, the node that first puts the claim key into Keycloak's
 * cluster-wide single-use store does the work, once; the others skip it. Each realm in its own transaction.
 */
final class LegacySessionEnd implements ScheduledTask {
    private static final Logger LOG = Logger.getLogger(LegacySessionEnd.class);
    /** A claim lasts this long: if its node dies before recording it as done, another node takes over after it. */
    static final long CLAIM_SECONDS = 600;

    @Override
    public void run(KeycloakSession session) {
        List<String> due = session.realms().getRealmsStream().filter(realm -> due(session, realm).isPresent())
                .map(RealmModel::getId).toList();
        for (String realmId : due) {
            try {
                KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> endIfDue(s, realmId));
            } catch (RuntimeException e) {
                LOG.warnf("SPID-only cutover: ending the legacy sessions of realm id %s failed: %s", realmId, e.toString());
            }
        }
    }

    private static Optional<CutoverSettings> due(KeycloakSession session, RealmModel realm) {
        return Cutovers.of(realm).filter(s -> s.phaseAt(Cutovers.now()).refusesLegacyCredentials())
                .filter(s -> !LegacySessionsEnded.at(session, realm, s));
    }

    private static void endIfDue(KeycloakSession session, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        Optional<CutoverSettings> due = realm == null ? Optional.empty() : due(session, realm);
        if (due.isEmpty()) {
            return;
        }
        session.getContext().setRealm(realm);
        CutoverSettings settings = due.get();
        if (!session.singleUseObjects().putIfAbsent(LegacySessionsEnded.claimKey(realmId, settings), CLAIM_SECONDS)) {
            return;
        }
        int online = endOnline(session, realm);
        int offline = endOffline(session, realm);
        LegacySessionsEnded.record(session, realm, settings, Cutovers.now());
        LOG.infof("SPID-only cutover: realm %s, instant %s: ended %d sessions and %d offline sessions opened with a legacy password or INPS PIN",
                realm.getName(), settings.isoInstant(), online, offline);
    }

    private static int endOnline(KeycloakSession session, RealmModel realm) {
        List<String> ids = session.sessions().readOnlyStreamUserSessions(realm)
                .filter(LegacySessionNote::restsOnLegacyCredential).map(UserSessionModel::getId).toList();
        int ended = 0;
        for (String id : ids) {
            UserSessionModel userSession = session.sessions().getUserSession(realm, id);
            if (userSession != null) {
                session.sessions().removeUserSession(realm, userSession);
                ended++;
            }
        }
        return ended;
    }

    private static int endOffline(KeycloakSession session, RealmModel realm) {
        List<String> ids = session.sessions().readOnlyStreamOfflineUserSessions(realm)
                .filter(LegacySessionNote::restsOnLegacyCredential).map(UserSessionModel::getId).toList();
        int ended = 0;
        for (String id : ids) {
            UserSessionModel userSession = session.sessions().getOfflineUserSession(realm, id);
            if (userSession != null) {
                session.sessions().removeOfflineUserSession(realm, userSession);
                ended++;
            }
        }
        return ended;
    }
}
