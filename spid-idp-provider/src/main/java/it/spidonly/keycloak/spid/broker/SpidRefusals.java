package it.spidonly.keycloak.spid.broker;

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
 * How a SPID response is refused (CONVENTIONS: broker endpoint): a {@code LOGIN_ERROR} event (saved by default
 * when events are on) with {@code reason} = the rule id, then Keycloak's error page with the rule's message in the
 * user's language and HTTP 400. No session and no code are issued; the log names only the IdP and the rule.
 */
public final class SpidRefusals {
    /** The status of a refused response. */
    public static final Response.Status STATUS = Response.Status.BAD_REQUEST;

    private static final Logger LOG = Logger.getLogger(SpidRefusals.class);

    private SpidRefusals() {
    }

    /**
     * @param idpAlias    the SPID IdP the response claims to come from, or null when not known
     * @param authSession the login the response was posted in, or null
     */
    public static Response refuse(KeycloakSession session, EventBuilder event, String idpAlias, String ruleId,
                                  AuthenticationSessionModel authSession) {
        event.event(EventType.LOGIN).detail(Details.REASON, ruleId);
        if (idpAlias != null) {
            event.detail(Details.IDENTITY_PROVIDER, idpAlias);
        }
        if (authSession != null) {
            event.client(authSession.getClient());
        }
        event.error(Errors.INVALID_SAML_RESPONSE);
        LOG.warnf("SPID response refused: rule %s, identity provider %s, realm %s", ruleId, idpAlias,
                session.getContext().getRealm().getName());
        // detached: the language switch of the page re-renders it from a cookie instead of re-posting the response
        return session.getProvider(LoginFormsProvider.class).setAuthenticationSession(authSession).setDetachedAuthSession()
                .setError(ruleId).createErrorPage(STATUS);
    }
}
