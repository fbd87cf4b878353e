package it.spidonly.keycloak.oidcfed.op;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * How a SPID/CIE OIDC login is refused (the same idiom as SPID SAML): a {@code LOGIN_ERROR} event with
 * {@code reason} = the check id ({@code oidcfed.*}), then Keycloak's error page with the check's message in the
 * user's language and HTTP 400. No session, no account; the log names the IdP and the check only.
 */
public final class FederationRefusals {
    public static final Response.Status STATUS = Response.Status.BAD_REQUEST;
    private static final Logger LOG = Logger.getLogger(FederationRefusals.class);

    private FederationRefusals() {
    }

    public static Response refuse(KeycloakSession session, EventBuilder event, String idpAlias, String check,
                                  AuthenticationSessionModel authSession) {
        event.event(EventType.LOGIN).detail(Details.REASON, check);
        if (idpAlias != null) {
            event.detail(Details.IDENTITY_PROVIDER, idpAlias);
        }
        if (authSession != null) {
            event.client(authSession.getClient());
        }
        event.error(Errors.IDENTITY_PROVIDER_LOGIN_FAILURE);
        LOG.warnf("OIDC federation login refused: check %s, identity provider %s, realm %s", check, idpAlias,
                session.getContext().getRealm().getName());
        return session.getProvider(LoginFormsProvider.class).setAuthenticationSession(authSession).setDetachedAuthSession()
                .setError(check).createErrorPage(STATUS);
    }
}
