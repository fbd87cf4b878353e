package it.spidonly.keycloak.spid.web;

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

import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.common.constants.GeneralConstants;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.resources.IdentityBrokerService;

import it.spidonly.keycloak.spid.broker.SpidEndpoint;
import it.spidonly.keycloak.spid.metadata.SpidMetadata;
import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpidMessages;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderValidator;
import it.spidonly.keycloak.spid.sp.SpidServiceProviders;

/**
 * The realm's SPID service provider on the web. One metadata and one AssertionConsumerService for all
 * SPID IdPs (SPID Regole tecniche, Metadata): a Response posted to the ACS is handed to the broker
 * endpoint of the SPID IdP whose entityID is its Issuer, where every check runs.
 */
public class SpidResource {
    public static final String METADATA_MEDIA_TYPE = "application/samlmetadata+xml";

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

    @POST
    @Path("acs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assertionConsumerService(@FormParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
                                             @FormParam(GeneralConstants.RELAY_STATE) String relayState) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.IDENTITY_PROVIDER_RESPONSE);
        if (samlResponse == null || samlResponse.isBlank()) {
            event.detail(Details.REASON, "spid.missing-response").error(Errors.INVALID_REQUEST);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.INVALID_REQUEST);
        }
        String alias = SpidIdentityProviderLookup.aliasForResponse(session, samlResponse).orElse(null);
        if (alias == null) {
            event.detail(Details.REASON, "spid.unknown-issuer").error(Errors.INVALID_SAML_RESPONSE);
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.IDENTITY_PROVIDER_INVALID_RESPONSE);
        }
        return endpointFor(java.util.Optional.of(alias)).postBinding(null, samlResponse, null, relayState);
    }

    /** SingleLogoutService, HTTP-POST: LogoutResponses to our logouts and IdP-initiated LogoutRequests. */
    @POST
    @Path("slo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response singleLogoutPost(@FormParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
                                     @FormParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
                                     @FormParam(GeneralConstants.RELAY_STATE) String relayState) {
        return endpointFor(SpidIdentityProviderLookup.aliasForPostMessage(session, samlRequest, samlResponse))
                .postBinding(samlRequest, samlResponse, null, relayState);
    }

    /** SingleLogoutService, HTTP-Redirect (signature in the SigAlg/Signature query parameters). */
    @GET
    @Path("slo")
    public Response singleLogoutRedirect(@QueryParam(GeneralConstants.SAML_REQUEST_KEY) String samlRequest,
                                         @QueryParam(GeneralConstants.SAML_RESPONSE_KEY) String samlResponse,
                                         @QueryParam(GeneralConstants.RELAY_STATE) String relayState) {
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

    private static Response plain(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build();
    }
}
