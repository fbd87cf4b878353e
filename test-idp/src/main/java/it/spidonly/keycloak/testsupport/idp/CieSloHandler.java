package it.spidonly.keycloak.testsupport.idp;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The CIE mode's SingleLogoutService: as the Ministry's IdP (CIE SAML rules, "Logout"), it accepts a LogoutRequest,
 * records it, ends its own session and never answers the service provider with a LogoutResponse.
 */
final class CieSloHandler implements HttpHandler {
    private final AuthnRequestReceiver receiver;

    CieSloHandler(AuthnRequestReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean post = "POST".equals(exchange.getRequestMethod());
        FormParameters params = post ? FormParameters.parse(HttpIo.readBody(exchange))
                : FormParameters.parse(exchange.getRequestURI().getRawQuery());
        if (params.get("SAMLRequest") != null) {
            if (post) {
                receiver.receivePost(params);
            } else {
                receiver.receiveRedirect(params);
            }
        }
        HttpIo.html(exchange, 200, MessagePage.render("CIE test IdP", "You are logged out of CIE. The service is not told."));
    }
}
