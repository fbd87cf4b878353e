package it.spidonly.keycloak.testsupport.idp;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The SingleLogoutService. A service provider's LogoutRequest (HTTP-POST or HTTP-Redirect) is recorded and, when its
 * signature verifies against the SP metadata, answered with a signed LogoutResponse posted to the SP's
 * SingleLogoutService; a badly signed one gets a 400 page. A LogoutResponse (after an IdP-initiated logout) is
 * acknowledged with a page.
 */
final class SloHandler implements HttpHandler {
    private final AuthnRequestReceiver receiver;
    private final SpMetadataSource spMetadata;
    private final LogoutResponseWriter responses;

    SloHandler(AuthnRequestReceiver receiver, SpMetadataSource spMetadata, LogoutResponseWriter responses) {
        this.receiver = receiver;
        this.spMetadata = spMetadata;
        this.responses = responses;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        FormParameters params = "POST".equals(exchange.getRequestMethod())
                ? FormParameters.parse(HttpIo.readBody(exchange))
                : FormParameters.parse(exchange.getRequestURI().getRawQuery());
        if (params.get("SAMLResponse") != null) {
            HttpIo.html(exchange, 200, MessagePage.render("Logged out", "The service provider confirmed the logout."));
            return;
        }
        if (params.get("SAMLRequest") == null) {
            HttpIo.html(exchange, 400, MessagePage.render("No SAML message", "Expected a LogoutRequest or a LogoutResponse."));
            return;
        }
        ReceivedAuthnRequest request = "POST".equals(exchange.getRequestMethod())
                ? receiver.receivePost(params) : receiver.receiveRedirect(params);
        if (!request.signatureValid()) {
            HttpIo.html(exchange, 400, MessagePage.render("LogoutRequest rejected",
                    "The LogoutRequest signature is missing or invalid: " + request.signatureProblem()));
            return;
        }
        String destination = spMetadata.current().singleLogoutService();
        HttpIo.html(exchange, 200, AutoPostPage.render(destination, responses.write(request.id(), destination), request.relayState()));
    }
}
