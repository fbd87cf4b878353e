package it.spidonly.keycloak.spid.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.constants.AdapterConstants;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.LoginProtocol;
import org.keycloak.saml.common.constants.GeneralConstants;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.resources.IdentityBrokerService;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.util.LocaleUtil;
import org.keycloak.sessions.AuthenticationSessionModel;

import it.spidonly.keycloak.spid.broker.SpidEndpoint;
import it.spidonly.keycloak.spid.broker.SpidIdentityProvider;
import it.spidonly.keycloak.spid.broker.SpidRefusals;
import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;
import it.spidonly.keycloak.spid.metadata.SpidMetadata;
import it.spidonly.keycloak.spid.rules.IssuerRule;
import it.spidonly.keycloak.spid.rules.MessageGate;
import it.spidonly.keycloak.spid.rules.Part;
import it.spidonly.keycloak.spid.rules.ResponseMessage;
import it.spidonly.keycloak.spid.rules.Rule;
import it.spidonly.keycloak.spid.rules.SpidErrorCode;
import it.spidonly.keycloak.spid.rules.SpidResponse;
import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpidMessages;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderValidator;
import it.spidonly.keycloak.spid.sp.SpidServiceProviders;

/**
 * The realm's SPID service provider on the web. One metadata and one AssertionConsumerService for all
 * SPID IdPs (SPID Regole tecniche, Metadata): a Response posted to the ACS is decoded (size cap, no DOCTYPE, depth
 * and element count streamed before any parse, secure parser) and handed to the broker endpoint of the SPID IdP whose entityID is its Issuer, where the SPID
 * rules run. A response whose Issuer is no SPID IdP of the realm is refused with the rule {@code spid.response.issuer}.
 * The {@code login-error} pages show a SPID error status and its ways on.
 */
public class SpidResource {
    public static final String METADATA_MEDIA_TYPE = "application/samlmetadata+xml";
    private static final Rule ISSUER_RULE = new IssuerRule(Part.RESPONSE);

    private final KeycloakSession session;
    private final RealmModel realm;

    public SpidResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Path("metadata")
    @Produces({METADATA_MEDIA_TYPE, MediaType.APPLICATION_XML})
    public Response metadata() {
        SpidServiceProviderConfig sp = SpidServiceProviders.of(realm).orElse(null);
        if (sp == null) {
            return plain(Response.Status.NOT_FOUND, "This realm has no SPID service provider. Configure it on the SPID page of the admin console.");
        }
        List<Problem> problems = SpidServiceProviderValidator.problems(sp);
        if (!problems.isEmpty()) {
            Locale locale = session.getContext().resolveLocale(null);
            String text = problems.stream().map(p -> SpidMessages.format(p, locale)).collect(Collectors.joining("\n"));
            return plain(Response.Status.SERVICE_UNAVAILABLE, text);
        }
        String xml = SpidMetadata.signedXml(session, realm, sp, session.getContext().getUri().getBaseUri());
        return Response.ok(xml, METADATA_MEDIA_TYPE).header("Cache-Control", "no-cache").build();
    }

    /**
     * The CIE SP metadata (CIE SAML rules, "Metadata"): the same SP data, its own document and entityID, signed with the
     * same key; 404 without a SPID SP, 503 (with what is missing) while the shared or CIE data is incomplete.
     */
    @GET
    @Path(it.spidonly.keycloak.cie.sp.CieServiceProvider.METADATA_PATH)
    @Produces({METADATA_MEDIA_TYPE, MediaType.APPLICATION_XML})
    public Response cieMetadata() {
        SpidServiceProviderConfig sp = SpidServiceProviders.of(realm).orElse(null);
        if (sp == null) {
            return plain(Response.Status.NOT_FOUND, "This realm has no SPID/CIE service provider. Configure it on the SPID page of the admin console.");
        }
        it.spidonly.keycloak.cie.sp.CieServiceProvider cie = it.spidonly.keycloak.cie.sp.CieServiceProvider.of(sp,
                session.getContext().getUri().getBaseUri(), realm.getName());
        List<Problem> problems = new java.util.ArrayList<>(SpidServiceProviderValidator.problems(sp));
        problems.addAll(cie.problems());
        if (!problems.isEmpty()) {
            Locale locale = session.getContext().resolveLocale(null);
            String text = problems.stream().map(p -> SpidMessages.format(p, locale)).collect(Collectors.joining("\n"));
            return plain(Response.Status.SERVICE_UNAVAILABLE, text);
        }
        String xml = it.spidonly.keycloak.cie.metadata.CieMetadata.signedXml(session, realm, cie);
        return Response.ok(xml, METADATA_MEDIA_TYPE).header("Cache-Control", "no-cache").build();
    }

    @POST
    @Path("acs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assertionConsumerService(@FormParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
                                             @FormParam(GeneralConstants.RELAY_STATE) String relayState) {
        ResponseMessage message = ResponseMessage.decode(samlResponse);
        if (message.failedRuleId().isPresent()) {
            return SpidRefusals.refuse(session, newEvent(), null, message.failedRuleId().get(), null);
        }
        if (!message.isLoginResponse()) {
            return SpidRefusals.refuse(session, newEvent(), null, ResponseMessage.XML, null);
        }
        String alias = message.view().header().issuer().map(SpidResponse.Issuer::value)
                .flatMap(issuer -> SpidIdentityProviderLookup.aliasForEntityId(session, issuer)).orElse(null);
        if (alias == null) {
            return SpidRefusals.refuse(session, newEvent(), null, ISSUER_RULE.id(), null);
        }
        // parse once (issue 19): the endpoint gets the decoded message, its limits already checked, not the text
        return endpointFor(java.util.Optional.of(alias)).postDecodedResponse(message, samlResponse, relayState);
    }

    /** SingleLogoutService, HTTP-POST: LogoutResponses to our logouts and IdP-initiated LogoutRequests. */
    @POST
    @Path("slo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response singleLogoutPost(@FormParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
                                     @FormParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
                                     @FormParam(GeneralConstants.RELAY_STATE) String relayState) {
        java.util.Optional<String> unsafe = MessageGate.post(samlRequest, samlResponse);
        if (unsafe.isPresent()) {
            return SpidRefusals.refuseUnread(session, newEvent(), null, unsafe.get(), samlRequest != null);
        }
        return endpointFor(SpidIdentityProviderLookup.aliasForPostMessage(session, samlRequest, samlResponse))
                .postBinding(samlRequest, samlResponse, null, relayState);
    }

    /** SingleLogoutService, HTTP-Redirect (signature in the SigAlg/Signature query parameters). */
    @GET
    @Path("slo")
    public Response singleLogoutRedirect(@QueryParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
                                         @QueryParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
                                         @QueryParam(GeneralConstants.RELAY_STATE) String relayState) {
        java.util.Optional<String> unsafe = MessageGate.redirect(SpidIdentityProviderLookup.MAX_INFLATED_BYTES, samlRequest, samlResponse);
        if (unsafe.isPresent()) {
            return SpidRefusals.refuseUnread(session, newEvent(), null, unsafe.get(), samlRequest != null);
        }
        return endpointFor(SpidIdentityProviderLookup.aliasForRedirectMessage(session, samlRequest, samlResponse))
                .redirectBinding(samlRequest, samlResponse, null, relayState);
    }

    private SpidEndpoint endpointFor(java.util.Optional<String> alias) {
        if (alias.isEmpty()) {
            new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.LOGOUT_ERROR)
                    .detail(Details.REASON, "spid.unknown-issuer").error(Errors.INVALID_SAML_LOGOUT_RESPONSE);
            throw new jakarta.ws.rs.WebApplicationException(
                    ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.IDENTITY_PROVIDER_INVALID_RESPONSE));
        }
        IdentityBrokerService broker = new IdentityBrokerService(session);
        broker.init();
        return (SpidEndpoint) broker.getEndpoint(alias.get());
    }

    /** The page of a SPID error status for the browser's login (see {@link SpidLoginErrorPage}); 403. */
    @GET
    @Path(SpidEndpointUrls.LOGIN_ERROR_PATH)
    public Response loginError(@QueryParam(Constants.CLIENT_ID) String clientId, @QueryParam(Constants.TAB_ID) String tabId) {
        AuthenticationSessionModel authSession = failedSpidLogin(clientId, tabId);
        if (authSession == null) {
            return loginExpired();
        }
        session.getContext().setAuthenticationSession(authSession);
        LocaleUtil.processLocaleParam(session, realm, authSession); // the theme's language selector adds kc_locale
        return SpidLoginErrorPage.render(session, realm, authSession);
    }

    /** "Choose another identity provider": the login page again, without the application's kc_idp_hint. */
    @GET
    @Path(SpidEndpointUrls.LOGIN_ERROR_PATH + "/" + SpidLoginErrorPage.CHOOSE)
    public Response chooseAnotherProvider(@QueryParam(Constants.CLIENT_ID) String clientId, @QueryParam(Constants.TAB_ID) String tabId,
                                          @QueryParam(Constants.CLIENT_DATA) String clientData) {
        AuthenticationSessionModel authSession = failedSpidLogin(clientId, tabId);
        if (authSession == null) {
            return loginExpired();
        }
        authSession.removeClientNote(AdapterConstants.KC_IDP_HINT);
        authSession.removeAuthNote(SpidIdentityProvider.NOTE_IDP_ERROR);
        URI restart = LoginActionsService.loginActionsBaseUrl(session.getContext().getUri())
                .path(LoginActionsService.RESTART_PATH)
                .queryParam(Constants.CLIENT_ID, clientId)
                .queryParam(Constants.TAB_ID, tabId)
                .queryParam(Constants.CLIENT_DATA, clientData)
                .queryParam(Constants.SKIP_LOGOUT, "true")
                .build(realm.getName());
        return Response.status(Response.Status.FOUND).location(restart).build();
    }

    /**
     * "Back to the application": the application receives an OIDC error through the login's own protocol
     * ({@code error=access_denied}, {@code error_description} naming the SPID error code) and the login ends.
     */
    @GET
    @Path(SpidEndpointUrls.LOGIN_ERROR_PATH + "/" + SpidLoginErrorPage.BACK)
    public Response backToApplication(@QueryParam(Constants.CLIENT_ID) String clientId, @QueryParam(Constants.TAB_ID) String tabId) {
        AuthenticationSessionModel authSession = failedSpidLogin(clientId, tabId);
        if (authSession == null) {
            return loginExpired();
        }
        SpidErrorCode code = SpidErrorCode.ofMessageKey(authSession.getAuthNote(SpidIdentityProvider.NOTE_IDP_ERROR));
        session.getContext().setAuthenticationSession(authSession);
        session.getContext().setClient(authSession.getClient());
        EventBuilder event = newEvent().event(EventType.LOGIN).client(authSession.getClient())
                .detail(Details.REASON, code.messageKey());
        LoginProtocol protocol = session.getProvider(LoginProtocol.class, authSession.getProtocol());
        protocol.setRealm(realm).setHttpHeaders(session.getContext().getRequestHeaders())
                .setUriInfo(session.getContext().getUri()).setEventBuilder(event);
        Response toApplication = protocol.sendError(authSession, LoginProtocol.Error.CANCELLED_BY_USER, code.description(cieLogin(authSession)));
        event.error(Errors.REJECTED_BY_USER);
        return toApplication;
    }

    /** Whether the failed login went to a CIE IdP (the IdP the request named, by its type). */
    private boolean cieLogin(AuthenticationSessionModel authSession) {
        String alias = authSession.getClientNote(SpidIdentityProvider.NOTE_IDP_ALIAS);
        org.keycloak.models.IdentityProviderModel idp = alias == null ? null : session.identityProviders().getByAlias(alias);
        return idp != null && it.spidonly.keycloak.cie.broker.CieIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId());
    }

    /** The browser's login of {@code clientId}/{@code tabId} if a SPID IdP answered it with an error status. */
    private AuthenticationSessionModel failedSpidLogin(String clientId, String tabId) {
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client == null || tabId == null) {
            return null;
        }
        AuthenticationSessionModel authSession = new AuthenticationSessionManager(session).getCurrentAuthenticationSession(realm, client, tabId);
        return authSession != null && authSession.getAuthNote(SpidIdentityProvider.NOTE_IDP_ERROR) != null ? authSession : null;
    }

    private Response loginExpired() {
        return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.EXPIRED_CODE);
    }

    private EventBuilder newEvent() {
        return new EventBuilder(realm, session, session.getContext().getConnection());
    }

    private static Response plain(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build();
    }
}
