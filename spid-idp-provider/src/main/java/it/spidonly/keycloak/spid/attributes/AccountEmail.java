package it.spidonly.keycloak.spid.attributes;

import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The e-mail a login brings, for every broker of the bundle (SPID, CIE and FICEP over SAML, SPID and CIE over OIDC
 * federation): copied to the account only while no other account uses it (unless the realm allows duplicates), since
 * two people may share an address and an e-mail never joins two accounts; and not written again when the account
 * already holds it as Keycloak would leave it (any write drops the account from Keycloak's user cache, issue 19).
 * The brokers' {@code updateEmail} asks {@link #wantsUpdate} before Keycloak's own update.
 */
public final class AccountEmail {
    private AccountEmail() {
    }

    /** Whether Keycloak's e-mail update should run for this login and account. */
    public static boolean wantsUpdate(KeycloakSession session, UserModel user, BrokeredIdentityContext context) {
        String email = context.getEmail();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (email == null || authSession == null) {
            return false;
        }
        if (email.equalsIgnoreCase(user.getEmail())) {
            return !keepsItsAddress(user, context, authSession);
        }
        RealmModel realm = session.getContext().getRealm();
        if (realm == null || realm.isDuplicateEmailsAllowed()) {
            return true;
        }
        UserModel holder = session.users().getUserByEmail(realm, email);
        return holder == null || holder.getId().equals(user.getId());
    }

    /**
     * Whether Keycloak's update would leave this account, which has the address already, as it is: an existing
     * account keeps its verification; a new one has it verified exactly when the IdP is trusted for e-mail.
     */
    private static boolean keepsItsAddress(UserModel user, BrokeredIdentityContext context, AuthenticationSessionModel authSession) {
        if (!Boolean.parseBoolean(authSession.getAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER))) {
            return true;
        }
        return !Boolean.parseBoolean(authSession.getAuthNote(AbstractIdentityProvider.UPDATE_PROFILE_EMAIL_CHANGED))
                && user.isEmailVerified() == Boolean.TRUE.equals(context.getIdpConfig().isTrustEmail());
    }
}
