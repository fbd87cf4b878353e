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
        return refuse(session, event, EventType.LOGIN, idpAlias, ruleId, authSession);
    }

    /**
     * A message refused before it is parsed ({@link it.spidonly.keycloak.spid.rules.MessageGate}): a
     * {@code SAMLRequest} can only be a logout request, so its event is {@code LOGOUT_ERROR}; a {@code SAMLResponse}
     * is not read far enough to tell, so its event is {@code LOGIN_ERROR}.
     */
    public static Response refuseUnread(KeycloakSession session, EventBuilder event, String idpAlias, String ruleId,
                                        boolean request) {
        return refuse(session, event, request ? EventType.LOGOUT : EventType.LOGIN, idpAlias, ruleId, null);
    }

    private static Response refuse(KeycloakSession session, EventBuilder event, EventType type, String idpAlias,
                                   String ruleId, AuthenticationSessionModel authSession) {
        event.event(type).detail(Details.REASON, ruleId);
        if (idpAlias != null) {
            event.detail(Details.IDENTITY_PROVIDER, idpAlias);
        }
        if (authSession != null) {
            event.client(authSession.getClient());
        }
        event.error(type == EventType.LOGOUT ? Errors.INVALID_SAML_LOGOUT_REQUEST : Errors.INVALID_SAML_RESPONSE);
        LOG.warnf("SPID %s refused: rule %s, identity provider %s, realm %s", type == EventType.LOGOUT ? "request" : "response",
                ruleId, idpAlias, session.getContext().getRealm().getName());
        // detached: the language switch of the page re-renders it from a cookie instead of re-posting the response
        return session.getProvider(LoginFormsProvider.class).setAuthenticationSession(authSession).setDetachedAuthSession()
                .setError(ruleId).createErrorPage(STATUS);
    }
}
