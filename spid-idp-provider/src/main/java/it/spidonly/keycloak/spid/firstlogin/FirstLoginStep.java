package it.spidonly.keycloak.spid.firstlogin;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A first-broker-login step of the bundle that decides at once (link or create by one identifier): no form, so a
 * submitted action runs the same decision, and it needs no user beforehand.
 */
public abstract class FirstLoginStep extends AbstractIdpAuthenticator {
    @Override
    protected final void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        authenticateImpl(context, serializedCtx, brokerContext);
    }

    /**
     * Creates the person's account as this login describes it and makes it the flow's user: names, the e-mail while no
     * other account uses it (verified when the IdP is trusted for e-mail), and what the broker that verified the login
     * writes ({@link AccountDataWriter}). All of it now, so Keycloak's import of the new account in the next request
     * finds nothing to change (issue 19). A login that then fails takes the account away ({@link NewAccounts}).
     */
    protected static UserModel createAccount(AuthenticationFlowContext context, String username, BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        String email = brokerContext.getEmail();
        // asked before the account exists: a query after it would make Hibernate write the half-filled row first
        boolean emailFree = email != null && (realm.isDuplicateEmailsAllowed() || session.users().getUserByEmail(realm, email) == null);
        UserModel user = NewAccounts.create(session, realm, username, context.getEvent());
        user.setEnabled(true);
        user.setFirstName(brokerContext.getFirstName());
        user.setLastName(brokerContext.getLastName());
        if (emailFree) {
            user.setEmail(email);
            user.setEmailVerified(Boolean.TRUE.equals(brokerContext.getIdpConfig().isTrustEmail()));
        }
        if (brokerContext.getIdp() instanceof AccountDataWriter writer) {
            writer.writeAccountData(user, brokerContext);
        }
        context.setUser(user);
        context.getAuthenticationSession().setAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER, "true");
        return user;
    }

    @Override
    public final boolean requiresUser() {
        return false;
    }

    @Override
    public final boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
