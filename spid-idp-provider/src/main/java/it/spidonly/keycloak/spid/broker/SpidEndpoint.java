package it.spidonly.keycloak.spid.broker;

import jakarta.ws.rs.core.Response;

import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.common.VerificationException;
import org.keycloak.dom.saml.v2.protocol.LogoutRequestType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.dom.saml.v2.protocol.StatusResponseType;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.common.constants.GeneralConstants;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.messages.Messages;

import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;

/**
 * Keycloak's SAML broker endpoint, with SPID's one AssertionConsumerService: a login Response must name
 * the realm's shared ACS URL as Destination (SPID Regole tecniche, Response: Destination) instead of the
 * per-IdP broker URL Keycloak expects, and its Response element must carry a valid signature.
 * Artifact binding and unsolicited (IdP-initiated) responses do not exist in SPID and are refused.
 */
public class SpidEndpoint extends SAMLEndpoint {
    private final SpidEndpointUrls urls;

    public SpidEndpoint(KeycloakSession session, SpidIdentityProvider provider, SpidIdentityProviderConfig config,
                        UserAuthenticationIdentityProvider.AuthenticationCallback callback,
                        DestinationValidator destinationValidator, SpidEndpointUrls urls) {
        super(session, provider, config, callback, destinationValidator);
        this.urls = urls;
    }

    @Override
    public Response postBinding(String samlRequest, String samlResponse, String samlArt, String relayState) {
        if (samlArt != null) {
            return refuse(Errors.INVALID_REQUEST, "spid.artifact-binding");
        }
        return new SpidPostBinding().execute(samlRequest, samlResponse, null, relayState, null);
    }

    @Override
    public Response postBindingIdpInitiated(String samlRequest, String samlResponse, String relayState, String clientId) {
        return refuse(Errors.INVALID_REQUEST, "spid.unsolicited-response");
    }

    @Override
    public Response redirectBindingIdpInitiated(String samlRequest, String samlResponse, String relayState, String clientId) {
        return refuse(Errors.INVALID_REQUEST, "spid.unsolicited-response");
    }

    private Response refuse(String error, String reason) {
        event.event(EventType.IDENTITY_PROVIDER_RESPONSE);
        event.detail(Details.REASON, reason);
        event.error(error);
        return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.INVALID_REQUEST);
    }

    protected class SpidPostBinding extends PostBinding {
        @Override
        public Response handleSamlResponse(String samlResponse, String relayState, String clientId) {
            SAMLDocumentHolder holder = extractResponseDocument(samlResponse);
            if (holder == null || !(holder.getSamlObject() instanceof StatusResponseType)) {
                return refuseResponse(Errors.INVALID_SAML_DOCUMENT, Messages.IDENTITY_PROVIDER_INVALID_RESPONSE);
            }
            StatusResponseType statusResponse = (StatusResponseType) holder.getSamlObject();
            if (!(statusResponse instanceof ResponseType)) {
                return checkedLogoutResponse(holder, statusResponse, relayState, this::verifySignature, this::handleLogoutResponse);
            }
            String destination = statusResponse.getDestination();
            if (destination == null || !destination.equals(urls.assertionConsumerService())) {
                return refuseResponse(Errors.INVALID_DESTINATION, Messages.INVALID_REQUEST);
            }
            boolean success = isSuccessfulSamlResponse((ResponseType) statusResponse);
            if (success && !isMessageFullySigned(holder)) {
                return refuseResponse(Errors.INVALID_SIGNATURE, Messages.IDENTITY_PROVIDER_INVALID_SIGNATURE);
            }
            try {
                verifySignature(GeneralConstants.SAML_RESPONSE_KEY, holder);
            } catch (VerificationException e) {
                return refuseResponse(Errors.INVALID_SIGNATURE, Messages.IDENTITY_PROVIDER_INVALID_SIGNATURE);
            }
            return handleLoginResponse(samlResponse, holder, (ResponseType) statusResponse, relayState, clientId);
        }

        @Override
        protected Response handleSamlRequest(String samlRequest, String relayState) {
            return checkedLogoutRequest(extractRequestDocument(samlRequest), relayState, this::verifySignature, this::logoutRequest);
        }
    }

    /** SPID IdPs answer logins by HTTP-POST only; over HTTP-Redirect only logout messages are accepted. */
    protected class SpidRedirectBinding extends RedirectBinding {
        @Override
        public Response handleSamlResponse(String samlResponse, String relayState, String clientId) {
            SAMLDocumentHolder holder = extractResponseDocument(samlResponse);
            if (holder == null || !(holder.getSamlObject() instanceof StatusResponseType) || holder.getSamlObject() instanceof ResponseType) {
                return refuseResponse(Errors.INVALID_SAML_DOCUMENT, Messages.IDENTITY_PROVIDER_INVALID_RESPONSE);
            }
            return checkedLogoutResponse(holder, (StatusResponseType) holder.getSamlObject(), relayState, this::verifySignature, this::handleLogoutResponse);
        }

        @Override
        protected Response handleSamlRequest(String samlRequest, String relayState) {
            return checkedLogoutRequest(extractRequestDocument(samlRequest), relayState, this::verifySignature, this::logoutRequest);
        }
    }

    @Override
    public Response redirectBinding(String samlRequest, String samlResponse, String samlArt, String relayState) {
        if (samlArt != null) {
            return refuse(Errors.INVALID_REQUEST, "spid.artifact-binding");
        }
        return new SpidRedirectBinding().execute(samlRequest, samlResponse, null, relayState, null);
    }

    /** A LogoutResponse must name the shared SingleLogoutService as Destination and be signed by the IdP. */
    private Response checkedLogoutResponse(SAMLDocumentHolder holder, StatusResponseType response, String relayState,
                                    SignatureCheck signature, LogoutResponseHandler handler) {
        if (!urls.singleLogout().equals(response.getDestination())) {
            return refuseResponse(Errors.INVALID_DESTINATION, Messages.INVALID_REQUEST);
        }
        try {
            signature.verify(GeneralConstants.SAML_RESPONSE_KEY, holder);
        } catch (VerificationException e) {
            return refuseResponse(Errors.INVALID_SIGNATURE, Messages.IDENTITY_PROVIDER_INVALID_SIGNATURE);
        }
        return handler.handle(holder, response, relayState);
    }

    /** An IdP-initiated LogoutRequest: Destination = the shared SingleLogoutService, signed by the IdP. */
    private Response checkedLogoutRequest(SAMLDocumentHolder holder, String relayState, SignatureCheck signature, LogoutRequestHandler handler) {
        if (holder == null || !(holder.getSamlObject() instanceof LogoutRequestType request)) {
            return refuse(Errors.INVALID_REQUEST, Errors.INVALID_SAML_DOCUMENT);
        }
        if (request.getDestination() == null || !urls.singleLogout().equals(request.getDestination().toString())) {
            return refuse(Errors.INVALID_REQUEST, Errors.INVALID_DESTINATION);
        }
        try {
            signature.verify(GeneralConstants.SAML_REQUEST_KEY, holder);
        } catch (VerificationException e) {
            return refuse(Errors.INVALID_SIGNATURE, Errors.INVALID_SIGNATURE);
        }
        event.event(EventType.LOGOUT);
        return handler.handle(request, relayState);
    }

    private Response refuseResponse(String reason, String message) {
        event.event(EventType.IDENTITY_PROVIDER_RESPONSE);
        event.detail(Details.REASON, reason);
        event.error(Errors.INVALID_SAML_RESPONSE);
        return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, message);
    }

    @FunctionalInterface
    private interface SignatureCheck {
        void verify(String key, SAMLDocumentHolder holder) throws VerificationException;
    }

    @FunctionalInterface
    private interface LogoutResponseHandler {
        Response handle(SAMLDocumentHolder holder, StatusResponseType response, String relayState);
    }

    @FunctionalInterface
    private interface LogoutRequestHandler {
        Response handle(LogoutRequestType request, String relayState);
    }
}
