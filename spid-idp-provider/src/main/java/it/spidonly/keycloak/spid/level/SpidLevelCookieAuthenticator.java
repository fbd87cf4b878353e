package it.spidonly.keycloak.spid.level;

import java.util.Optional;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticator;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.Constants;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's "Cookie" step (SSO), aware of the SPID level of the session it reuses. Keycloak counts a previous
 * level only where the browser flow has "Conditional - Level of Authentication" steps; a SPID realm's flow has
 * none (the level comes from the IdP's AuthnContextClassRef), so Keycloak reused such a session as level 0
 * ({@code acr "0"}) and treated any {@code acr_values} as a step-up. Here a session opened by a SPID login keeps
 * its level: a request that asks for no more than that level is served from the session with that level (its
 * {@code acr} through the realm's ACR-to-level map); one that asks for more goes on through the flow, to a new SPID
 * login at the higher level (SPID Regole tecniche, "Livelli di sicurezza"). Sessions of other logins, forced
 * re-authentication ({@code prompt=login}, {@code max_age}) and forked flows are Keycloak's as before.
 */
final class SpidLevelCookieAuthenticator extends CookieAuthenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationManager.AuthResult cookie = AuthenticationManager.authenticateIdentityCookie(
                context.getSession(), context.getRealm(), true);
        Optional<SpidLevel> level = cookie == null ? Optional.empty() : SessionSpidLevel.of(cookie.session());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (level.isEmpty() || keycloakDecides(context, cookie, authSession)) {
            super.authenticate(context);
            return;
        }
        AcrStore acr = new AcrStore(context.getSession(), authSession);
        if (acr.getRequestedLevelOfAuthentication(context.getTopLevelFlow()) > level.get().number()) {
            context.attempted();
            return;
        }
        authSession.setAuthNote(Constants.LOA_MAP, cookie.session().getNote(Constants.LOA_MAP));
        context.setUser(cookie.user());
        acr.setLevelAuthenticatedToCurrentRequest(level.get().number());
        authSession.setAuthNote(AuthenticationManager.SSO_AUTH, "true");
        context.attachUserSession(cookie.session());
        context.success();
    }

    private static boolean keycloakDecides(AuthenticationFlowContext context, AuthenticationManager.AuthResult cookie,
                                           AuthenticationSessionModel authSession) {
        LoginProtocol protocol = context.getSession().getProvider(LoginProtocol.class, authSession.getProtocol());
        return (protocol != null && protocol.requireReauthentication(cookie.session(), authSession))
                || AuthenticatorUtil.isForkedFlow(authSession)
                || context.getRealm().isOrganizationsEnabled();
    }
}
