package it.spidonly.keycloak.testsupport.idp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * The test IdP's CIE mode, on the same server under {@code /cie}: it stands in for the Ministry of the Interior's CIE
 * IdP. Its own metadata ({@code /cie/metadata}; entityID = its HTTP-POST SSO URL {@code /cie/sso}, as the Ministry's),
 * login page ({@code /cie/sso}, {@code /cie/login}) with the CIE citizens ({@link TestUser#cieDemoUsers()}) and SLO
 * ({@code /cie/slo}, which never answers). Its SP is the realm's CIE SP (its own metadata, same key). Responses follow
 * {@link CieResponses}; the same {@link ResponseMutation}s break them for the CIE catalogue ({@link CieResponseCatalogue}).
 */
final class CieTestIdp {
    static final String PATH = "/cie";

    private final String entityId;
    private final String baseUrl;
    private final SpMetadataSource spMetadata;
    private final ResponseFactory responses;
    private final List<ReceivedAuthnRequest> received = new CopyOnWriteArrayList<>();
    private final List<ReceivedAuthnRequest> receivedLogouts = new CopyOnWriteArrayList<>();

    CieTestIdp(HttpServer server, String baseUrl, SpidTestIdpSettings settings) {
        this.baseUrl = baseUrl;
        this.entityId = ssoUrl();
        SigningCredential credential = settings.signingCredential();
        String metadataXml = IdpMetadataWriter.write(entityId, ssoUrl(), sloUrl(), credential);
        spMetadata = new SpMetadataSource(settings.cieSpMetadataUrl());
        responses = new ResponseFactory(entityId, spMetadata, credential, settings.clock(), true);
        PendingLogins pending = new PendingLogins();
        LoginPage loginPage = new LoginPage(settings.cieUsers(), "CIE test IdP", PATH + "/login");
        AuthnRequestReceiver receiver = new AuthnRequestReceiver(spMetadata, settings.clock(), received::add);
        server.createContext(PATH + "/metadata", Endpoint.at(PATH + "/metadata", exchange ->
                HttpIo.send(exchange, 200, "application/samlmetadata+xml", metadataXml)));
        server.createContext(PATH + "/sso", Endpoint.at(PATH + "/sso", new SsoHandler(receiver, pending, loginPage)));
        server.createContext(PATH + "/login", Endpoint.at(PATH + "/login",
                new LoginHandler(pending, settings.cieUsers(), loginPage, responses)));
        AuthnRequestReceiver logoutReceiver = new AuthnRequestReceiver(spMetadata, settings.clock(), receivedLogouts::add, "LogoutRequest");
        server.createContext(PATH + "/slo", Endpoint.at(PATH + "/slo", new CieSloHandler(logoutReceiver)));
    }

    String entityId() {
        return entityId;
    }

    String metadataUrl() {
        return baseUrl + PATH + "/metadata";
    }

    String ssoUrl() {
        return baseUrl + PATH + "/sso";
    }

    String sloUrl() {
        return baseUrl + PATH + "/slo";
    }

    List<ReceivedAuthnRequest> receivedRequests() {
        return List.copyOf(received);
    }

    List<ReceivedAuthnRequest> receivedLogoutRequests() {
        return List.copyOf(receivedLogouts);
    }

    String buildSamlResponse(ReceivedAuthnRequest request, TestUser user, ResponseMutation... mutations) {
        return responses.build(request, user, mutations);
    }

    String acsUrlFor(ReceivedAuthnRequest request) {
        return responses.acsUrlFor(request);
    }
}
