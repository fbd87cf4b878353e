package it.spidonly.keycloak.oidcfed.op;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider.AuthenticationCallback;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import it.spidonly.keycloak.oidcfed.login.CodeExchange;
import it.spidonly.keycloak.oidcfed.login.KeycloakOpHttp;
import it.spidonly.keycloak.oidcfed.login.LoginChecks;
import it.spidonly.keycloak.oidcfed.login.LoginRefused;
import it.spidonly.keycloak.oidcfed.login.OpMetadata;
import it.spidonly.keycloak.oidcfed.login.PendingLogin;
import it.spidonly.keycloak.oidcfed.login.TokenExpectations;
import it.spidonly.keycloak.oidcfed.login.VerifiedLogin;
import it.spidonly.keycloak.spid.attributes.AccountWrites;
import it.spidonly.keycloak.spid.attributes.SpidAttribute;
import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;

/**
 * The redirect URI of a SPID/CIE OP ({@code /realms/{realm}/broker/{alias}/endpoint}): takes the pending login out of
 * the single-use store by its {@code state} (an unknown or replayed state is refused), checks the response {@code iss}
 * (CIE, RFC 9207), runs the back channel ({@link CodeExchange}) and hands the verified person to Keycloak's broker.
 * Every refusal is a 400 page and an event naming the check ({@link FederationRefusals}).
 */
public class FederatedOpEndpoint {
    private final FederatedOpIdentityProvider provider;
    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationCallback callback;
    private final EventBuilder event;

    FederatedOpEndpoint(FederatedOpIdentityProvider provider, RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        this.provider = provider;
        this.session = provider.session();
        this.realm = realm;
        this.callback = callback;
        this.event = event;
    }

    @GET
    @Path("")
    public Response authResponse(@QueryParam("state") String state, @QueryParam("code") String code,
                                 @QueryParam("error") String error, @QueryParam("iss") String iss) {
        String alias = provider.getConfig().getAlias();
        Map<String, String> notes = state == null || state.length() > 256 ? null
                : session.singleUseObjects().remove(PendingLogin.key(state));
        PendingLogin pending = PendingLogin.fromNotes(notes);
        if (pending == null || !alias.equals(pending.idpAlias())) {
            return FederationRefusals.refuse(session, event, alias, LoginChecks.STATE, null);
        }
        AuthenticationSessionModel authSession;
        try {
            authSession = callback.getAndVerifyAuthenticationSession(pending.brokerState());
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
        session.getContext().setAuthenticationSession(authSession);
        if (error != null) {
            return "access_denied".equals(error) ? callback.cancelled(provider.getConfig())
                    : FederationRefusals.refuse(session, event, alias, LoginChecks.OP_ERROR, authSession);
        }
        if (code == null || code.isBlank() || code.length() > 4096) {
            return FederationRefusals.refuse(session, event, alias, LoginChecks.OP_ERROR, authSession);
        }
        try {
            OpMetadata op = provider.resolve(realm);
            if ((iss != null || provider.profile().responseIssuerRequired()) && !op.issuer().equals(iss)) {
                throw new LoginRefused(LoginChecks.RESPONSE_ISSUER, "the authorization response's iss is not the OP");
            }
            String redirectUri = pending.redirectUri();
            TokenExpectations expected = new TokenExpectations(op.issuer(), provider.relyingParty(realm).clientId(),
                    pending.nonce(), pending.requestedLevel(), Clock.systemUTC().instant(), TokenExpectations.DEFAULT_SKEW);
            VerifiedLogin login = CodeExchange.run(new KeycloakOpHttp(session), provider.relyingParty(realm), op, pending,
                    code, redirectUri, expected);
            return callback.authenticated(identity(login, authSession));
        } catch (LoginRefused e) {
            return FederationRefusals.refuse(session, event, alias, e.check(), authSession);
        }
    }

    /** The person as the shared identity layer keys them: the fiscal number (upper case, no TINIT-). */
    private BrokeredIdentityContext identity(VerifiedLogin login, AuthenticationSessionModel authSession) {
        String fiscalNumber = login.claims().fiscalNumber().orElseThrow();
        BrokeredIdentityContext context = new BrokeredIdentityContext(fiscalNumber, provider.getConfig());
        context.setUsername(fiscalNumber);
        context.setBrokerUserId(provider.getConfig().getAlias() + "." + fiscalNumber);
        login.claims().value(SpidAttribute.name).ifPresent(context::setFirstName);
        login.claims().value(SpidAttribute.familyName).ifPresent(context::setLastName);
        login.claims().value(SpidAttribute.email).ifPresent(context::setEmail);
        context.getContextData().put(AccountWrites.CONTEXT_SPID_ATTRIBUTES, new HashMap<>(login.claims().attributes()));
        context.getContextData().put(FederatedOpIdentityProvider.CONTEXT_LEVEL, String.valueOf(login.level().number()));
        context.getContextData().put(FederatedOpIdentityProvider.CONTEXT_ACCESS_TOKEN, login.accessToken());
        context.setIdp(provider);
        context.setAuthenticationSession(authSession);
        org.jboss.logging.Logger.getLogger(FederatedOpEndpoint.class).infof("OIDC federation login of %s through %s",
                SpidAttributeValues.mask(fiscalNumber), provider.getConfig().getAlias());
        return context;
    }
}
