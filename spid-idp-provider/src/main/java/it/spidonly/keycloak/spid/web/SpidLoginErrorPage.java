package it.spidonly.keycloak.spid.web;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.sessions.AuthenticationSessionModel;

import it.spidonly.keycloak.spid.broker.SpidIdentityProvider;
import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;
import it.spidonly.keycloak.spid.rules.SpidErrorCode;

/**
 * The page of a SPID error status, in the login theme ({@code spid-error.ftl}, shipped in the provider's
 * theme-resources so any theme can restyle it) with HTTP 403. It says what happened in plain words (message key
 * {@code spidErrorNr19} ... {@code spidErrorNr30}, {@code spidErrorOther}) and offers the ways on: try the same
 * identity provider again, choose another one, or go back to the application, which then receives an OIDC error.
 */
final class SpidLoginErrorPage {
    static final String TEMPLATE = "spid-error.ftl";
    static final String CHOOSE = "choose";
    static final String BACK = "back";

    private SpidLoginErrorPage() {
    }

    static Response render(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession) {
        SpidErrorCode code = SpidErrorCode.ofMessageKey(authSession.getAuthNote(SpidIdentityProvider.NOTE_IDP_ERROR));
        String idpAlias = authSession.getClientNote(SpidIdentityProvider.NOTE_IDP_ALIAS);
        URI baseUri = session.getContext().getUri().getBaseUri();
        String clientId = authSession.getClient().getClientId();
        String clientData = AuthenticationProcessor.getClientData(session, authSession);
        String accessCode = new ClientSessionCode<>(session, realm, authSession).getOrGenerateCode();
        URI retry = Urls.identityProviderAuthnRequest(baseUri, idpAlias, realm.getName(), accessCode, clientId,
                authSession.getTabId(), clientData, null);
        SpidEndpointUrls urls = SpidEndpointUrls.of(baseUri, realm.getName());
        return session.getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(authSession)
                .setAttribute("spidErrorKey", code.messageKey())
                .setAttribute("spidErrorTitleKey", code.isCie() ? "cieErrorTitle" : "spidErrorTitle")
                .setAttribute("spidErrorRetryUrl", retry.toString())
                .setAttribute("spidErrorChooseUrl", wayOn(urls, CHOOSE, clientId, authSession.getTabId(), clientData))
                .setAttribute("spidErrorBackUrl", wayOn(urls, BACK, clientId, authSession.getTabId(), clientData))
                .setStatus(Response.Status.FORBIDDEN)
                .createForm(TEMPLATE);
    }

    private static String wayOn(SpidEndpointUrls urls, String action, String clientId, String tabId, String clientData) {
        return UriBuilder.fromUri(urls.loginError()).path(action)
                .queryParam(Constants.CLIENT_ID, clientId)
                .queryParam(Constants.TAB_ID, tabId)
                .queryParam(Constants.CLIENT_DATA, clientData)
                .build().toString();
    }
}
