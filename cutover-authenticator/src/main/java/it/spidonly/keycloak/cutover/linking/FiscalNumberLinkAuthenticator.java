package it.spidonly.keycloak.cutover.linking;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;

import it.spidonly.keycloak.cutover.fiscal.FiscalCode;
import it.spidonly.keycloak.cutover.fiscal.FiscalNumberAccounts;
import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;
import it.spidonly.keycloak.spid.broker.SpidIdentityProviderFactory;

/**
 * First SPID login of a person who already has an account (a legacy username/password or INPS PIN account with
 * the {@code fiscalNumber} attribute, or a SPID account from another IdP): that account becomes theirs, without
 * a password prompt, and keeps its history. Only SPID identity providers, only on the fiscal number (never
 * e-mail or names). No account: "attempted", so the next alternative (e.g. create the user) runs. Two accounts:
 * refused, the help desk must decide.
 */
final class FiscalNumberLinkAuthenticator extends AbstractIdpAuthenticator {
    static final String EVENT_ERROR_AMBIGUOUS = "ambiguous_fiscal_number";
    static final String MSG_AMBIGUOUS = "spidLinkAmbiguousAccount";
    private static final Logger LOG = Logger.getLogger(FiscalNumberLinkAuthenticator.class);

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        Optional<String> fiscalNumber = spidFiscalNumber(brokerContext);
        if (fiscalNumber.isEmpty()) {
            context.attempted();
            return;
        }
        List<UserModel> accounts = FiscalNumberAccounts.find(context.getSession(), context.getRealm(), fiscalNumber.get());
        if (accounts.isEmpty()) {
            context.attempted();
            return;
        }
        if (accounts.size() > 1) {
            LOG.warnf("SPID first login of %s: more than one account has this fiscal number in realm %s; not linked",
                    SpidAttributeValues.mask(fiscalNumber.get()), context.getRealm().getName());
            sendFailureChallenge(context, Response.Status.CONFLICT, EVENT_ERROR_AMBIGUOUS, MSG_AMBIGUOUS, AuthenticationFlowError.INVALID_USER);
            return;
        }
        UserModel account = accounts.get(0);
        if (!account.isEnabled()) {
            context.setUser(account);
            sendFailureChallenge(context, Response.Status.FORBIDDEN, Errors.USER_DISABLED, Messages.ACCOUNT_DISABLED, AuthenticationFlowError.USER_DISABLED);
            return;
        }
        LOG.infof("SPID first login of %s through %s: linked to the existing account %s", SpidAttributeValues.mask(fiscalNumber.get()),
                brokerContext.getIdpConfig().getAlias(), account.getId());
        context.setUser(account);
        context.success();
    }

    /** The normalised fiscal number of a SPID login (the SPID provider keys the brokered identity on it). */
    static Optional<String> spidFiscalNumber(BrokeredIdentityContext brokerContext) {
        if (!SpidIdentityProviderFactory.PROVIDER_ID.equals(brokerContext.getIdpConfig().getProviderId())) {
            return Optional.empty();
        }
        String id = brokerContext.getId();
        return FiscalCode.check(id) == FiscalCode.Check.VALID ? FiscalCode.normalise(id) : Optional.empty();
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        authenticateImpl(context, serializedCtx, brokerContext);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return false;
    }
}
