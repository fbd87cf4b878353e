package it.spidonly.keycloak.helpdesk.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.timer.ScheduledTask;

import it.spidonly.keycloak.helpdesk.proofing.HelpdeskUsers;
import it.spidonly.keycloak.helpdesk.proofing.ProofingAttributes;

/**
 * helpdesk.md, Lifecycle: "then it stops working". Every run (Keycloak's timer, each node, in its own transaction)
 * signs out the help-desk users whose credential expired since the last days' runs, so their sessions and refresh
 * tokens end at expiry, not only at their next login. Users are found by the searchable attribute
 * {@code helpdesk.credentialExpiresOn} (the expiry's date in Europe/Rome) for the last {@value #DAYS_BACK} days, and
 * marked {@code helpdesk.expiredSignOutAt} once done: a run on another node finds nothing left to do.
 */
public final class ExpirySweep implements ScheduledTask {
    public static final String TASK_NAME = "helpdesk-expiry-sweep";
    static final int DAYS_BACK = 7;
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    @Override
    public void run(KeycloakSession session) {
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        for (RealmModel realm : session.realms().getRealmsStream().toList()) {
            // the user store wants the session bound to the realm it searches
            session.getContext().setRealm(realm);
            for (UserModel user : due(session, realm, now)) {
                SignOut.everywhere(session, realm, user);
                user.setSingleAttribute(ProofingAttributes.EXPIRED_SIGN_OUT_AT, now.toString());
                LOG.infof("help-desk credential of user %s in realm %s expired: signed out", user.getUsername(), realm.getName());
            }
        }
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    private static List<UserModel> due(KeycloakSession session, RealmModel realm, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, CredentialExpiry.MINISTRY_ZONE);
        HelpdeskUsers users = new HelpdeskUsers(session, realm);
        return java.util.stream.IntStream.rangeClosed(0, DAYS_BACK).mapToObj(today::minusDays)
                .flatMap(day -> users.byExpiryDay(day))
                .filter(u -> isDue(HelpdeskUsers.state(u), HelpdeskUsers.credentialExpiresAt(u),
                        u.getFirstAttribute(ProofingAttributes.EXPIRED_SIGN_OUT_AT), now))
                .toList();
    }

    /** An issued credential past its expiry whose user has not been signed out for it yet. */
    public static boolean isDue(Optional<CredentialState> state, Optional<Instant> expiresAt, String signedOutAt, Instant now) {
        return state.filter(s -> s == CredentialState.ISSUED).isPresent() && signedOutAt == null
                && expiresAt.map(e -> CredentialExpiry.isExpired(e, now)).orElse(false);
    }
}
