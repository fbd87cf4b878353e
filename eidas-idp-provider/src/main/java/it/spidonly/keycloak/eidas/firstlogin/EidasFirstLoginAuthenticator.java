package it.spidonly.keycloak.eidas.firstlogin;

import java.util.List;
import java.util.Optional;

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

import it.spidonly.keycloak.eidas.identity.EidasAccounts;
import it.spidonly.keycloak.eidas.identity.PersonIdentifier;

import it.spidonly.keycloak.spid.firstlogin.FirstLoginStep;

/**
 * First eIDAS login: one account per eIDAS person. The account whose {@code eidasPersonIdentifier} is exactly the
 * PersonIdentifier (the same person through another eIDAS IdP) is linked; otherwise a new account is created. Never
 * links on fiscal number (there is none), e-mail, name or username: an account that already holds the username
 * without that identifier is a conflict (409), for the help desk.
 */
final class EidasFirstLoginAuthenticator extends FirstLoginStep {
    static final String CONFLICT = "eidasAccountConflict";
    static final String NO_IDENTIFIER = "eidas.assertion.person-identifier";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        context.getEvent().detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias());
        Optional<PersonIdentifier> person = PersonIdentifier.parse(brokerContext.getId());
        if (person.isEmpty()) {
            sendFailureChallenge(context, Response.Status.BAD_REQUEST, Errors.INVALID_SAML_RESPONSE, NO_IDENTIFIER,
                    AuthenticationFlowError.IDENTITY_PROVIDER_ERROR);
            return;
        }
        List<UserModel> accounts = EidasAccounts.find(session, realm, person.get());
        if (accounts.size() == 1) {
            context.getEvent().detail("eidas_link", "existing-account");
            context.setUser(accounts.get(0));
            context.success();
            return;
        }
        String username = person.get().username();
        if (accounts.size() > 1 || session.users().getUserByUsername(realm, username) != null) {
            sendFailureChallenge(context, Response.Status.CONFLICT, Errors.FEDERATED_IDENTITY_EXISTS, CONFLICT,
                    AuthenticationFlowError.USER_CONFLICT);
            return;
        }
        createAccount(context, username, brokerContext);
        context.getEvent().detail("eidas_link", "new-account");
        context.success();
    }
}
