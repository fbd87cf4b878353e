package it.spidonly.keycloak.cutover.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.cutover.settings.CutoverSettings;

/**
 * "The legacy sessions of this realm were ended for this instant", kept in Keycloak's cluster-wide single-use store
 * (not in the database: a write to the realm's component raced with an admin deleting or editing the realm), for
 * {@value #DONE_SECONDS} seconds. If the record is lost (whole cluster restarted, or it expired) the job runs again:
 * harmless, since no legacy session can be opened after the instant. Moving the instant makes it due again.
 */
public final class LegacySessionsEnded {
    /** 30 days. */
    static final long DONE_SECONDS = 30L * 24 * 3600;
    private static final String NOTE_ENDED_AT = "endedAt";

    private LegacySessionsEnded() {
    }

    static boolean at(KeycloakSession session, RealmModel realm, CutoverSettings settings) {
        return session.singleUseObjects().contains(doneKey(realm.getId(), settings));
    }

    static void record(KeycloakSession session, RealmModel realm, CutoverSettings settings, Instant now) {
        session.singleUseObjects().put(doneKey(realm.getId(), settings), DONE_SECONDS, Map.of(NOTE_ENDED_AT, now.toString()));
    }

    /** For the admin REST API: the instant whose legacy sessions were ended, if that is recorded. */
    public static Optional<String> endedFor(KeycloakSession session, RealmModel realm, CutoverSettings settings) {
        return at(session, realm, settings) ? Optional.of(settings.isoInstant()) : Optional.empty();
    }

    static String claimKey(String realmId, CutoverSettings settings) {
        return "spid-cutover-legacy-sessions:" + realmId + ":" + settings.instant().getEpochSecond();
    }

    static String doneKey(String realmId, CutoverSettings settings) {
        return claimKey(realmId, settings) + ":done";
    }
}
