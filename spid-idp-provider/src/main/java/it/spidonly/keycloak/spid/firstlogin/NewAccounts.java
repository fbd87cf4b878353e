package it.spidonly.keycloak.spid.firstlogin;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The account a first login creates in this request, until the request ends: if the login then fails (an error
 * event in the same request: a mapper, a required step, Keycloak's broker), {@link #discard} removes it, with its
 * links and attributes, so the realm is as it was and a retry starts clean (issue 15, "no half-made accounts").
 * Kept as a session attribute: per request, nothing shared.
 */
public final class NewAccounts {
    private static final Logger LOG = Logger.getLogger(NewAccounts.class);
    private static final String KEY = "spid.firstlogin.new-account";

    private NewAccounts() {
    }

    /** Creates the account and remembers it for this request. */
    public static UserModel create(KeycloakSession session, RealmModel realm, String username) {
        UserModel user = session.users().addUser(realm, username);
        session.setAttribute(KEY, user.getId());
        return user;
    }

    /** Removes the account this request created, if any; the login of this request has failed. */
    static void discard(KeycloakSession session, RealmModel realm) {
        String id = session.getAttribute(KEY, String.class);
        if (id == null || realm == null) {
            return;
        }
        session.removeAttribute(KEY);
        UserModel user = session.users().getUserById(realm, id);
        if (user != null) {
            session.users().removeUser(realm, user);
            LOG.infof("First login failed in realm %s: the account it had created (id %s) was removed", realm.getName(), id);
        }
    }
}
