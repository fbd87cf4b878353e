package it.spidonly.keycloak.spid.broker;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.broker.provider.UserAuthenticationIdentityProvider;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.ErrorPage;
import org.keycloak.saml.common.constants.GeneralConstants;
import org.keycloak.dom.saml.v2.protocol.StatusResponseType;
import org.keycloak.dom.saml.v2.protocol.LogoutRequestType;
import org.keycloak.common.VerificationException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.saml.SAMLRequestParser;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.processing.core.parsers.saml.SAMLParser;
import org.keycloak.dom.saml.v2.SAML2Object;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;
import org.keycloak.saml.validators.DestinationValidator;
import org.keycloak.sessions.AuthenticationSessionModel;

import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;
import it.spidonly.keycloak.spid.rules.MessageGate;
import it.spidonly.keycloak.spid.rules.ResponseMessage;
import it.spidonly.keycloak.spid.rules.RuleChain;
import it.spidonly.keycloak.spid.rules.RuleContext;
import it.spidonly.keycloak.spid.rules.SolicitedResponseRule;
import it.spidonly.keycloak.spid.rules.SpidErrorCode;
import it.spidonly.keycloak.spid.rules.SpidResponse;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * Keycloak's SAML broker endpoint with the SPID rules in front of it. Every message, of either binding, first
 * passes the {@link MessageGate} (depth and element count, streamed, before anything parses it). Every login Response is decoded with size,
 * DOCTYPE and secure-parsing checks, then the {@link RuleChain} runs on it against the pending request of the
 * browser session, before Keycloak's {@code handleLoginResponse} can create, update or link a user. A refused
 * response gets a login error event and Keycloak's error page (HTTP 400); a SPID error status gets the SPID error
 * page (HTTP 403, via a redirect so that refreshing and switching language work). Login responses over HTTP-Redirect,
 * the artifact binding and unsolicited (IdP-initiated) responses do not exist in SPID and are refused.
 */
public class SpidEndpoint extends SAMLEndpoint {
    /** The cap on inflated HTTP-Redirect messages (logout), in bytes, when Keycloak's own cap is larger. */
    public static final long MAX_INFLATED_BYTES = 128 * 1024;
    static final String ARTIFACT_BINDING = "spid.binding.artifact";
    static final String REDIRECT_BINDING = "spid.binding.redirect";

    private static final Logger LOG = Logger.getLogger(SpidEndpoint.class);

    private final SpidEndpointUrls urls;
    private final SpidServiceProviderConfig sp;

    public SpidEndpoint(KeycloakSession session, SpidIdentityProvider provider, SpidIdentityProviderConfig config,
                        UserAuthenticationIdentityProvider.AuthenticationCallback callback,
                        DestinationValidator destinationValidator, SpidEndpointUrls urls, SpidServiceProviderConfig sp) {
        super(session, provider, config, new VerifiedSessionCallback(callback), destinationValidator);
        this.urls = urls;
        this.sp = sp;
    }

    @Override
    public Response postBinding(String samlRequest, String samlResponse, String samlArt, String relayState) {
        if (samlArt != null) {
            return refuseBeforeBinding(ARTIFACT_BINDING);
        }
        Optional<String> unsafe = MessageGate.post(samlRequest, samlResponse);
        if (unsafe.isPresent()) {
            return refuseUnread(unsafe.get(), samlRequest != null);
        }
        return new SpidPostBinding().execute(samlRequest, samlResponse, null, relayState, null);
    }

    /**
     * The shared ACS's way in ({@code SpidResource}, issue 19): a {@code SAMLResponse} the ACS has already decoded
     * with {@link ResponseMessage#decode} (size, DOCTYPE, the {@link MessageGate} limits, secure parse, view) goes
     * through the same binding as {@link #postBinding} without being decoded or parsed again; its DOM is the one the
     * rules verify and Keycloak's {@code handleLoginResponse} reads.
     */
    public Response postDecodedResponse(ResponseMessage message, String samlResponse, String relayState) {
        return new SpidPostBinding(message).execute(null, samlResponse, null, relayState, null);
    }

    @Override
    public Response redirectBinding(String samlRequest, String samlResponse, String samlArt, String relayState) {
        if (samlArt != null) {
            return refuseBeforeBinding(ARTIFACT_BINDING);
        }
        Optional<String> unsafe = MessageGate.redirect(Math.min(maxInflatingSize, MAX_INFLATED_BYTES), samlRequest, samlResponse);
        if (unsafe.isPresent()) {
            return refuseUnread(unsafe.get(), samlRequest != null);
        }
        return new SpidRedirectBinding().execute(samlRequest, samlResponse, null, relayState, null);
    }

    @Override
    public Response postBindingIdpInitiated(String samlRequest, String samlResponse, String relayState, String clientId) {
        return refuseBeforeBinding(SolicitedResponseRule.ID);
    }

    @Override
    public Response redirectBindingIdpInitiated(String samlRequest, String samlResponse, String relayState, String clientId) {
        return refuseBeforeBinding(SolicitedResponseRule.ID);
    }

    private Response refuseBeforeBinding(String ruleId) {
        event = new EventBuilder(realm, session, clientConnection);
        return SpidRefusals.refuse(session, event, config.getAlias(), ruleId, null);
    }

    /** A message that fails the {@link MessageGate} (depth, element count, not XML): nothing has parsed it. */
    private Response refuseUnread(String ruleId, boolean request) {
        event = new EventBuilder(realm, session, clientConnection);
        return SpidRefusals.refuseUnread(session, event, config.getAlias(), ruleId, request);
    }

    private SpidIdentityProviderConfig spidConfig() {
        return (SpidIdentityProviderConfig) config;
    }

    /** HTTP-POST: SPID login responses, and logout messages as Keycloak handles them. */
    protected class SpidPostBinding extends PostBinding {
        private final ResponseMessage decoded;

        protected SpidPostBinding() {
            this(null);
        }

        /** @param decoded the message already decoded by the shared ACS, or null to decode it here */
        protected SpidPostBinding(ResponseMessage decoded) {
            this.decoded = decoded;
        }

        @Override
        public Response handleSamlResponse(String samlResponse, String relayState, String clientId) {
            ResponseMessage message = decoded != null ? decoded : ResponseMessage.decode(samlResponse);
            if (message.failedRuleId().isPresent()) {
                return SpidRefusals.refuse(session, event, config.getAlias(), message.failedRuleId().get(), null);
            }
            if (!message.isLoginResponse()) {
                SAMLDocumentHolder logout = keycloakDocument(message);
                if (logout == null || !(logout.getSamlObject() instanceof StatusResponseType statusResponse)) {
                    return SpidRefusals.refuse(session, event, config.getAlias(), ResponseMessage.XML, null);
                }
                return checkedLogoutResponse(logout, statusResponse, relayState, this::verifySignature, this::handleLogoutResponse);
            }
            if (sp == null) {
                // no SPID service provider in the realm: no SPID request can have been sent
                return SpidRefusals.refuse(session, event, config.getAlias(), SolicitedResponseRule.ID, null);
            }
            SpidResponse response = message.view();
            AuthenticationSessionModel authSession = pendingLogin(relayState);
            RuleContext context = SpidRuleContexts.of(session, spidConfig(), sp, urls, authSession);
            Optional<String> failed = spidConfig().loginRules(response).firstFailure(response, context);
            if (failed.isEmpty() && response.isSuccess()) {
                failed = additionalFailure(response, context);
            }
            if (failed.isPresent()) {
                return SpidRefusals.refuse(session, event, config.getAlias(), failed.get(), authSession);
            }
            if (!response.isSuccess()) {
                return idpError(spidConfig().errorCode(response), authSession);
            }
            SAMLDocumentHolder holder = keycloakDocument(message);
            if (holder == null || !(holder.getSamlObject() instanceof ResponseType responseType)) {
                return SpidRefusals.refuse(session, event, config.getAlias(), ResponseMessage.XML, authSession);
            }
            // the rules verified the Response's and the Assertion's signatures on this very DOM, with the same
            // metadata keys: Keycloak does not verify the Assertion a second time (on a copy)
            return spidConfig().withSignaturesVerifiedByRules(() -> handleLoginResponse(samlResponse, holder, responseType, relayState, null));
        }

        @Override
        protected Response handleSamlRequest(String samlRequest, String relayState) {
            return checkedLogoutRequest(extractRequestDocument(samlRequest), relayState, this::verifySignature, this::logoutRequest);
        }

        /** The first of the IdP type's own rules ({@link SpidIdentityProviderConfig#additionalLoginRules}) that fails. */
        private Optional<String> additionalFailure(SpidResponse response, RuleContext context) {
            return spidConfig().additionalLoginRules().stream()
                    .map(rule -> rule.check(response, context))
                    .filter(result -> !result.passed())
                    .findFirst()
                    .flatMap(result -> result.failedRuleId());
        }

        /**
         * The browser's login that the RelayState names, or null: no RelayState, an unknown or expired login, or a
         * code already used (a replay). The rules then refuse the response as unsolicited.
         */
        private AuthenticationSessionModel pendingLogin(String relayState) {
            if (relayState == null || relayState.isBlank()) {
                return null;
            }
            try {
                AuthenticationSessionModel authSession = callback.getAndVerifyAuthenticationSession(relayState);
                session.getContext().setAuthenticationSession(authSession);
                return authSession;
            } catch (RuntimeException e) {
                LOG.debugf("SPID response for identity provider %s: no pending login for its RelayState (%s)",
                        config.getAlias(), e.getClass().getSimpleName());
                return null;
            }
        }

        /**
         * SPID error status (SPID Regole tecniche, messaggi di anomalia): a login error event naming the code, then a
         * redirect to the SPID error page of this login, which answers 403 and offers the ways on.
         */
        private Response idpError(SpidErrorCode code, AuthenticationSessionModel authSession) {
            event.event(EventType.LOGIN).detail(Details.IDENTITY_PROVIDER, config.getAlias())
                    .detail(Details.REASON, code.messageKey()).client(authSession.getClient())
                    .error(Errors.IDENTITY_PROVIDER_ERROR);
            LOG.infof("SPID identity provider %s answered %s", config.getAlias(), code.description(spidConfig() instanceof it.spidonly.keycloak.cie.broker.CieIdentityProviderConfig));
            authSession.setAuthNote(SpidIdentityProvider.NOTE_IDP_ERROR, code.messageKey());
            URI page = UriBuilder.fromUri(urls.loginError())
                    .queryParam(Constants.CLIENT_ID, authSession.getClient().getClientId())
                    .queryParam(Constants.TAB_ID, authSession.getTabId())
                    .queryParam(Constants.CLIENT_DATA, AuthenticationProcessor.getClientData(session, authSession))
                    .build();
            return Response.seeOther(page).build();
        }
    }

    /**
     * HTTP-Redirect: only logout messages, with inflated data capped at {@link #MAX_INFLATED_BYTES}; a login
     * Response over HTTP-Redirect is refused (SPID: responses use HTTP-POST), so no login skips the rules.
     */
    protected class SpidRedirectBinding extends RedirectBinding {
        private long inflatingCap() {
            return Math.min(maxInflatingSize, MAX_INFLATED_BYTES);
        }

        @Override
        protected SAMLDocumentHolder extractRequestDocument(String samlRequest) {
            return SAMLRequestParser.parseRequestRedirectBinding(samlRequest, inflatingCap());
        }

        @Override
        protected SAMLDocumentHolder extractResponseDocument(String response) {
            return SAMLRequestParser.parseResponseRedirectBinding(response, inflatingCap());
        }

        @Override
        public Response handleSamlResponse(String samlResponse, String relayState, String clientId) {
            SAMLDocumentHolder holder = extractResponseDocument(samlResponse);
            if (holder == null) {
                return SpidRefusals.refuse(session, event, config.getAlias(), ResponseMessage.XML, null);
            }
            if (holder.getSamlObject() instanceof ResponseType) {
                return SpidRefusals.refuse(session, event, config.getAlias(), REDIRECT_BINDING, null);
            }
            if (!(holder.getSamlObject() instanceof StatusResponseType statusResponse)) {
                return SpidRefusals.refuse(session, event, config.getAlias(), ResponseMessage.XML, null);
            }
            return checkedLogoutResponse(holder, statusResponse, relayState, this::verifySignature, this::handleLogoutResponse);
        }

        @Override
        protected Response handleSamlRequest(String samlRequest, String relayState) {
            return checkedLogoutRequest(extractRequestDocument(samlRequest), relayState, this::verifySignature, this::logoutRequest);
        }
    }

    /**
     * Keycloak's typed reading of the message with the DOM the rules read (what {@code extractResponseDocument} would
     * build by decoding and parsing the text again), or null when Keycloak's parser refuses it. The typed reading
     * streams the same bytes the DOM was parsed from, as Keycloak's broker does.
     */
    static SAMLDocumentHolder keycloakDocument(ResponseMessage message) {
        try {
            // the typed reading from the same bytes the DOM was parsed from: Keycloak's parser, given the DOM itself,
            // would serialise it back to text to stream it (issue 19)
            Object object = SAMLParser.getInstance().parse(message.xml());
            return object instanceof SAML2Object saml ? new SAMLDocumentHolder(saml, message.document()) : null;
        } catch (ParsingException | RuntimeException e) {
            LOG.debugf("SAML message not readable by Keycloak's parser (%s)", e.getClass().getSimpleName());
            return null;
        }
    }

    /** A LogoutResponse must name the shared SingleLogoutService as Destination and be signed by the IdP. */
    private Response checkedLogoutResponse(SAMLDocumentHolder holder, StatusResponseType response, String relayState,
                                           SignatureCheck signature, LogoutResponseHandler handler) {
        if (!urls.singleLogout().equals(response.getDestination())) {
            return refuseLogout(Errors.INVALID_DESTINATION);
        }
        try {
            signature.verify(GeneralConstants.SAML_RESPONSE_KEY, holder);
        } catch (VerificationException e) {
            return refuseLogout(Errors.INVALID_SIGNATURE);
        }
        return handler.handle(holder, response, relayState);
    }

    /** An IdP-initiated LogoutRequest: Destination = the shared SingleLogoutService, signed by the IdP. */
    private Response checkedLogoutRequest(SAMLDocumentHolder holder, String relayState, SignatureCheck signature,
                                          LogoutRequestHandler handler) {
        if (holder == null || !(holder.getSamlObject() instanceof LogoutRequestType request)) {
            return refuseLogout(Errors.INVALID_SAML_DOCUMENT);
        }
        if (request.getDestination() == null || !urls.singleLogout().equals(request.getDestination().toString())) {
            return refuseLogout(Errors.INVALID_DESTINATION);
        }
        try {
            signature.verify(GeneralConstants.SAML_REQUEST_KEY, holder);
        } catch (VerificationException e) {
            return refuseLogout(Errors.INVALID_SIGNATURE);
        }
        event.event(EventType.LOGOUT);
        return handler.handle(request, relayState);
    }

    private Response refuseLogout(String reason) {
        event.event(EventType.LOGOUT_ERROR);
        event.detail(Details.REASON, reason);
        event.error(Errors.INVALID_SAML_LOGOUT_RESPONSE);
        return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.INVALID_REQUEST);
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
