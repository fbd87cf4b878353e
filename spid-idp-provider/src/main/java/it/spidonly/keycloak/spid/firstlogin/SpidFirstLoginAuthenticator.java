package it.spidonly.keycloak.spid.firstlogin;

import java.util.Locale;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import it.spidonly.keycloak.spid.attributes.FiscalNumberAccounts;
import it.spidonly.keycloak.spid.attributes.SpidAttribute;
import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;

/**
 * First SPID login: one account per person, keyed on the fiscal number. The account that already carries the
 * same {@code fiscalNumber} attribute (from another SPID IdP, a legacy account where an admin or the import set it) is
 * linked without asking for a password; otherwise a new account is created with username = the fiscal code. Never
 * links on username, e-mail or name (issue 16, F1): an account that holds the code as username without the fiscal
 * number is a conflict for the help desk (409, {@code spidAccountConflict}); an e-mail already used by another
 * account is simply not copied. A created account is discarded if the login then fails ({@link NewAccounts}).
 */
final class SpidFirstLoginAuthenticator extends FirstLoginStep {
    static final String USERNAME_TAKEN = "spidAccountConflict";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        String fiscalNumber = SpidAttributeValues.normalise(SpidAttribute.fiscalNumber.name(), brokerContext.getId());
        context.getEvent().detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias());

        List<UserModel> accounts = FiscalNumberAccounts.find(session, realm, fiscalNumber);
        if (accounts.size() == 1) {
            context.getEvent().detail("spid_link", "existing-account");
            context.setUser(accounts.get(0));
            context.success();
            return;
        }
        String username = fiscalNumber.toLowerCase(Locale.ROOT);
        if (accounts.size() > 1 || session.users().getUserByUsername(realm, username) != null) {
            // two accounts claim the code, or its username belongs to another person: never guess, send to the help desk
            sendFailureChallenge(context, Response.Status.CONFLICT, Errors.FEDERATED_IDENTITY_EXISTS, USERNAME_TAKEN, AuthenticationFlowError.USER_CONFLICT);
            return;
        }
        createAccount(context, username, brokerContext);
        context.getEvent().detail("spid_link", "new-account");
        context.success();
    }
}
