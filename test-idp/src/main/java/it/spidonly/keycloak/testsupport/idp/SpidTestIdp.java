package it.spidonly.keycloak.testsupport.idp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small SAML 2.0 identity provider that behaves like an accredited SPID IdP, for integration tests (in-process)
 * and the demo ({@link SpidTestIdpMain}). It serves signed metadata, accepts signed AuthnRequests with the HTTP-POST
 * and HTTP-Redirect bindings, shows a login page for its test users and answers with a SPID-compliant signed
 * Response; tests can also build Responses directly, with {@link ResponseMutation}s that break them on purpose.
 *
 * <p>Endpoints: {@code GET /metadata}, {@code GET|POST /sso}, {@code POST /login}, {@code GET|POST /slo} (Single Logout);
 * the CIE mode the same under {@code /cie} ({@link CieTestIdp}).
 */
public final class SpidTestIdp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final String entityId;
    private final SigningCredential credential;
    private final String metadataXml;
    private final ResponseFactory responses;
    private final SpMetadataSource spMetadata;
    private final LogoutRequestWriter logoutRequests;
    private final List<ReceivedAuthnRequest> received = new CopyOnWriteArrayList<>();
    private final List<ReceivedAuthnRequest> receivedLogouts = new CopyOnWriteArrayList<>();
    private final CieTestIdp cie;

    private SpidTestIdp(SpidTestIdpSettings settings) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port()), 0);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        entityId = settings.entityId() != null ? settings.entityId() : baseUrl;
        credential = settings.signingCredential();
        metadataXml = IdpMetadataWriter.write(entityId, ssoUrl(), sloUrl(), credential);
        spMetadata = new SpMetadataSource(settings.spMetadataUrl());
        logoutRequests = new LogoutRequestWriter(entityId, credential, settings.clock());
        responses = new ResponseFactory(entityId, spMetadata, credential, settings.clock());
        PendingLogins pending = new PendingLogins();
        LoginPage loginPage = new LoginPage(settings.users());
        AuthnRequestReceiver receiver = new AuthnRequestReceiver(spMetadata, settings.clock(), received::add);
        server.createContext("/", Endpoint.at("/", exchange ->
                HttpIo.html(exchange, 200, MessagePage.render("SPID test IdP", "Metadata: " + metadataUrl()))));
        server.createContext("/metadata", Endpoint.at("/metadata", exchange ->
                HttpIo.send(exchange, 200, "application/samlmetadata+xml", metadataXml)));
        server.createContext("/sso", Endpoint.at("/sso", new SsoHandler(receiver, pending, loginPage)));
        server.createContext("/login", Endpoint.at("/login",
                new LoginHandler(pending, settings.users(), loginPage, responses)));
        AuthnRequestReceiver logoutReceiver = new AuthnRequestReceiver(spMetadata, settings.clock(), receivedLogouts::add, "LogoutRequest");
        server.createContext("/slo", Endpoint.at("/slo", new SloHandler(logoutReceiver, spMetadata,
                new LogoutResponseWriter(entityId, credential, settings.clock()))));
        cie = new CieTestIdp(server, baseUrl, settings);
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "spid-test-idp");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts the IdP on 127.0.0.1 (port 0 = a free port). */
    public static SpidTestIdp start(SpidTestIdpSettings settings) {
        try {
            return new SpidTestIdp(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the SPID test IdP on port " + settings.port(), e);
        }
    }

    /** E.g. {@code http://127.0.0.1:8190}. */
    public String baseUrl() {
        return baseUrl;
    }

    public String entityId() {
        return entityId;
    }

    public String metadataUrl() {
        return baseUrl + "/metadata";
    }

    /** SingleSignOnService for HTTP-POST and HTTP-Redirect. */
    public String ssoUrl() {
        return baseUrl + "/sso";
    }

    /** SingleLogoutService for HTTP-POST and HTTP-Redirect: answers a signed LogoutRequest with a LogoutResponse. */
    public String sloUrl() {
        return baseUrl + "/slo";
    }

    /** The signing certificate, base64 DER without PEM armour. */
    public String signingCertificateBase64() {
        return credential.certificateBase64();
    }

    /** The signed metadata served at {@link #metadataUrl()}. */
    public String metadataXml() {
        return metadataXml;
    }

    /** Every AuthnRequest received so far, oldest first (a snapshot). */
    public List<ReceivedAuthnRequest> receivedRequests() {
        return List.copyOf(received);
    }

    /** Every LogoutRequest received so far, oldest first (a snapshot); same accessors as for AuthnRequests. */
    public List<ReceivedAuthnRequest> receivedLogoutRequests() {
        return List.copyOf(receivedLogouts);
    }

    public void clearReceivedRequests() {
        received.clear();
    }

    /**
     * The base64 SAMLResponse (HTTP-POST binding) answering {@code request} for {@code user}: the SPID baseline, or
     * ErrorCode nr20 when the user cannot reach the requested level, changed by {@code mutations}. {@code user} may
     * be null only if a mutation removes the assertion, e.g. {@link ResponseMutations#statusError}.
     */
    public String buildSamlResponse(ReceivedAuthnRequest request, TestUser user, ResponseMutation... mutations) {
        return responses.build(request, user, mutations);
    }

    /**
     * An IdP-initiated LogoutRequest (base64, HTTP-POST) ending the session with that NameID and SessionIndex at the
     * service provider, addressed to its SingleLogoutService (see {@link #spSingleLogoutUrl()}).
     */
    public String buildLogoutRequest(String nameId, String sessionIndex) {
        return logoutRequests.write(nameId, sessionIndex, spSingleLogoutUrl());
    }

    /** The service provider's SingleLogoutService, from its metadata. */
    public String spSingleLogoutUrl() {
        return spMetadata.current().singleLogoutService();
    }

    /** Where the Response for {@code request} must be posted (its ACS URL, or the SP metadata's ACS by index). */
    public String acsUrlFor(ReceivedAuthnRequest request) {
        return responses.acsUrlFor(request);
    }

    /** CIE mode ({@link CieTestIdp}): the entityID, its HTTP-POST SSO URL {@code {base}/cie/sso} as the Ministry's. */
    public String cieEntityId() {
        return cie.entityId();
    }

    /** CIE mode: the metadata to configure a {@code cie-saml} IdP with ({@code custom} environment). */
    public String cieMetadataUrl() {
        return cie.metadataUrl();
    }

    /** CIE mode: SingleSignOnService (HTTP-POST and HTTP-Redirect) and its login page. */
    public String cieSsoUrl() {
        return cie.ssoUrl();
    }

    /** CIE mode: SingleLogoutService; records LogoutRequests and never answers them. */
    public String cieSloUrl() {
        return cie.sloUrl();
    }

    /** CIE mode: every AuthnRequest received so far, oldest first (a snapshot). */
    public List<ReceivedAuthnRequest> cieReceivedRequests() {
        return cie.receivedRequests();
    }

    /** CIE mode: every LogoutRequest received so far (never answered), oldest first. */
    public List<ReceivedAuthnRequest> cieReceivedLogoutRequests() {
        return cie.receivedLogoutRequests();
    }

    /**
     * CIE mode: the base64 SAMLResponse answering {@code request} for {@code user} as the CIE IdP does
     * ({@link CieResponses}: four attributes, Response Issuer without Format; ErrorCode nr12 when the user cannot reach
     * the level), changed by {@code mutations}.
     */
    public String buildCieSamlResponse(ReceivedAuthnRequest request, TestUser user, ResponseMutation... mutations) {
        return cie.buildSamlResponse(request, user, mutations);
    }

    /** CIE mode: where the Response for {@code request} must be posted (the CIE SP metadata's ACS). */
    public String cieAcsUrlFor(ReceivedAuthnRequest request) {
        return cie.acsUrlFor(request);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
