package it.spidonly.keycloak.spid.firstlogin;

import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The account a first login creates, until that login has linked it: if the login then fails in the same request (an
 * error event: a mapper, a required step, Keycloak's broker), the account is removed before the request's transaction
 * commits, so the realm is as it was and a retry starts clean (issue 15, "no half-made accounts").
 * <p>
 * How the two meet: the account's id is a detail of the request's event ({@value #DETAIL}); the error event's listener
 * ({@link FailedFirstLoginCleanup}) marks it in Keycloak's single-use store; a prepare-phase participant enlisted at
 * creation, in the request's own transaction, removes a marked account. Not a {@link KeycloakSession} attribute: from
 * Keycloak 26.7.5 listeners get a copy of the event in a session and transaction of their own, which cannot see the
 * uncommitted account. Server-set, never from input; an account with an identity-provider link is never removed.
 */
public final class NewAccounts {
    static final String DETAIL = "spid_new_account";
    private static final String FAILED = "spid.firstlogin.failed.";
    private static final long MARK_SECONDS = 300;
    private static final Logger LOG = Logger.getLogger(NewAccounts.class);

    private NewAccounts() {
    }

    /** Creates the account, names it on this request's event and removes it at commit if the login failed. */
    public static UserModel create(KeycloakSession session, RealmModel realm, String username, EventBuilder event) {
        UserModel user = session.users().addUser(realm, username);
        String id = user.getId();
        event.detail(DETAIL, id);
        session.getTransactionManager().enlistPrepare(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                if (session.singleUseObjects().remove(FAILED + id) != null) {
                    discard(session, realm, id);
                }
            }

            @Override
            protected void rollbackImpl() {
            }
        });
        return user;
    }

    /** An error event that names a new account: its login failed. */
    static void markFailed(KeycloakSession session, Event event) {
        String id = event.getDetails() == null ? null : event.getDetails().get(DETAIL);
        if (id != null) {
            session.singleUseObjects().put(FAILED + id, MARK_SECONDS, Map.of());
        }
    }

    private static void discard(KeycloakSession session, RealmModel realm, String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null || session.users().getFederatedIdentitiesStream(realm, user).findAny().isPresent()) {
            return;
        }
        session.users().removeUser(realm, user);
        LOG.infof("First login failed in realm %s: the account it had created (id %s) was removed", realm.getName(), id);
    }
}
