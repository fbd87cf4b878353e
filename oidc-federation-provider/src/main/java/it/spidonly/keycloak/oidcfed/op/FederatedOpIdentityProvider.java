package it.spidonly.keycloak.oidcfed.op;

import java.time.Clock;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import it.spidonly.keycloak.oidcfed.login.AuthorizationRequest;
import it.spidonly.keycloak.oidcfed.login.KeycloakOpHttp;
import it.spidonly.keycloak.oidcfed.login.LoginRefused;
import it.spidonly.keycloak.oidcfed.login.OpMetadata;
import it.spidonly.keycloak.oidcfed.login.PendingLogin;
import it.spidonly.keycloak.oidcfed.login.Profile;
import it.spidonly.keycloak.oidcfed.login.RpCredentials;
import it.spidonly.keycloak.oidcfed.logout.TokenRevocation;
import it.spidonly.keycloak.oidcfed.trust.TrustChainException;
import it.spidonly.keycloak.oidcfed.trust.TrustChainResolver;
import it.spidonly.keycloak.spid.attributes.AccountEmail;
import it.spidonly.keycloak.spid.attributes.AccountWrites;
import it.spidonly.keycloak.spid.firstlogin.AccountDataWriter;
import it.spidonly.keycloak.spid.level.RequestedSpidLevel;
import it.spidonly.keycloak.spid.level.SessionSpidLevel;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.sp.SpidServiceProviders;

/**
 * A SPID or CIE OpenID Provider of the federation: Keycloak's OIDC broker with the login of SPID/CIE OIDC (signed
 * request object, PKCE, private_key_jwt, ID token and encrypted userinfo checked against the trust chain) and the
 * identity of SPID SAML (one person per fiscal number, the level as {@code acr}). Overrides, and why, are listed in
 * docs/keycloak-diff.md.
 */
public class FederatedOpIdentityProvider extends OIDCIdentityProvider implements AccountDataWriter {
    /** User-session notes: the OP of the session and the access token to revoke at logout. */
    static final String NOTE_OP = "oidcfed.op";
    static final String NOTE_ACCESS_TOKEN = "oidcfed.access-token";
    /** Broker context data (plain strings: Keycloak serializes them across the first-login flow; the attributes go to AccountWrites.CONTEXT_SPID_ATTRIBUTES). */
    static final String CONTEXT_LEVEL = "oidcfed.level";
    static final String CONTEXT_ACCESS_TOKEN = "oidcfed.access-token";
    private static final long PENDING_SECONDS = 1800;
    private static final Logger LOG = Logger.getLogger(FederatedOpIdentityProvider.class);

    private final Profile profile;

    public FederatedOpIdentityProvider(KeycloakSession session, FederatedOpConfig config, Profile profile) {
        super(session, config);
        this.profile = profile;
    }

    @Override
    public FederatedOpConfig getConfig() {
        return (FederatedOpConfig) super.getConfig();
    }

    Profile profile() {
        return profile;
    }

    KeycloakSession session() {
        return session;
    }

    /** The OP as its trust chain describes it now (the resolver caches chains cluster-safely). */
    OpMetadata resolve(RealmModel realm) throws LoginRefused {
        TrustChainResolver resolver = session.getProvider(TrustChainResolver.class);
        if (resolver == null) {
            throw new LoginRefused("oidcfed.chain.unavailable", "no trust chain resolver is deployed");
        }
        try {
            return OpMetadata.of(resolver.resolveOpenIdProvider(realm, getConfig().opEntityId()));
        } catch (TrustChainException e) {
            throw new LoginRefused(e.check(), e.getMessage(), e);
        }
    }

    RpCredentials relyingParty(RealmModel realm) {
        return RpCredentials.of(session, realm);
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        RealmModel realm = request.getRealm();
        AuthenticationSessionModel authSession = request.getAuthenticationSession();
        OpMetadata op;
        try {
            op = resolve(realm);
        } catch (LoginRefused e) {
            return FederationRefusals.refuse(session, new EventBuilder(realm, session, session.getContext().getConnection()),
                    getConfig().getAlias(), e.check(), authSession);
        }
        SpidLevel base = getConfig().levelOverride()
                .or(() -> SpidServiceProviders.of(realm).flatMap(sp -> sp.defaultLevel())).orElse(SpidLevel.L2);
        SpidLevel level = RequestedSpidLevel.resolve(authSession, base);
        AuthorizationRequest.Built built = AuthorizationRequest.build(relyingParty(realm), op, profile,
                request.getRedirectUri(), level, request.getState().getEncoded(), getConfig().getAlias(),
                Clock.systemUTC().instant());
        session.singleUseObjects().put(PendingLogin.key(built.state()), PENDING_SECONDS, built.pending().toNotes());
        return Response.seeOther(built.url()).build();
    }

    @Override
    public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
        return new FederatedOpEndpoint(this, realm, callback, event);
    }

    /** Keycloak's nonce check reads its own note; ours ran in the endpoint ({@code IdTokenRules}). */
    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context) {
    }

    /**
     * The level the OP vouched for ({@code acr}) becomes the level of this authentication (tokens' {@code acr}, SSO
     * reuse and step-up as for SPID SAML); the access token is kept in the user session for revocation at logout.
     */
    @Override
    public void authenticationFinished(AuthenticationSessionModel authSession, BrokeredIdentityContext context) {
        Object level = context.getContextData().get(CONTEXT_LEVEL);
        SpidLevel.parse(level == null ? null : level.toString()).ifPresent(achieved -> {
            new AcrStore(session, authSession).setLevelAuthenticated(achieved.number());
            SessionSpidLevel.record(authSession, achieved);
        });
        authSession.setUserSessionNote(NOTE_OP, getConfig().opEntityId());
        Object token = context.getContextData().get(CONTEXT_ACCESS_TOKEN);
        if (token != null) {
            authSession.setUserSessionNote(NOTE_ACCESS_TOKEN, token.toString());
        }
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        super.importNewUser(session, realm, user, context);
        writeAccountData(user, context);
    }

    /** SPID/CIE data is authoritative: refreshed at every login. */
    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, BrokeredIdentityContext context) {
        super.updateBrokeredUser(session, realm, user, context);
        writeAccountData(user, context);
    }

    /**
     * The SPID attributes of the verified login that the realm's user profile declares (as SPID SAML stores them, so
     * the {@code spid} claims scope gives apps the same values whatever the protocol), and the names; only what changed.
     */
    @Override
    public void writeAccountData(UserModel user, BrokeredIdentityContext context) {
        AccountWrites.spidLoginData(session, user, context);
    }

    /** The e-mail of the login, as over SPID SAML ({@link AccountEmail}): never another account's address. */
    @Override
    protected void updateEmail(UserModel user, BrokeredIdentityContext context) {
        if (AccountEmail.wantsUpdate(session, user, context)) {
            super.updateEmail(user, context);
        }
    }

    /** Logout: the user session ends here and the access token is revoked at the OP (RFC 7009). */
    @Override
    public void backchannelLogout(KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo, RealmModel realm) {
        revoke(realm, userSession);
    }

    @Override
    public Response keycloakInitiatedBrowserLogout(KeycloakSession session, UserSessionModel userSession, UriInfo uriInfo, RealmModel realm) {
        revoke(realm, userSession);
        return null;
    }

    private void revoke(RealmModel realm, UserSessionModel userSession) {
        String token = userSession.getNote(NOTE_ACCESS_TOKEN);
        if (token == null) {
            return;
        }
        try {
            int status = TokenRevocation.revoke(new KeycloakOpHttp(session), relyingParty(realm), resolve(realm), token,
                    Clock.systemUTC().instant());
            LOG.debugf("Token revocation at %s answered %d", getConfig().opEntityId(), status);
            if (status != 200 && status != -1) {
                LOG.warnf("Token revocation at OP %s answered %d", getConfig().opEntityId(), status);
            }
        } catch (Exception e) {
            LOG.warnf("Token revocation at OP %s failed: %s", getConfig().opEntityId(), e.getMessage());
        }
    }
}
