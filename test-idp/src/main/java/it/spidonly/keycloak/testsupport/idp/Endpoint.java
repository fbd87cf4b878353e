package it.spidonly.keycloak.testsupport.idp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * One path of the test IdP: answers 404 for other paths under the same context, 400 for unreadable SAML messages,
 * 500 (with the reason, this is a test tool) for anything unexpected, and always closes the exchange.
 */
final class Endpoint implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(Endpoint.class.getName());

    private final String path;
    private final HttpHandler handler;

    private Endpoint(String path, HttpHandler handler) {
        this.path = path;
        this.handler = handler;
    }

    static Endpoint at(String path, HttpHandler handler) {
        return new Endpoint(path, handler);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            dispatch(exchange);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try {
            if (path.equals(exchange.getRequestURI().getPath())) {
                handler.handle(exchange);
            } else {
                HttpIo.html(exchange, 404, MessagePage.render("Not found", "The SPID test IdP has no page here."));
            }
        } catch (SamlRequestRejected e) {
            HttpIo.html(exchange, 400, MessagePage.render("Request rejected", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "SPID test IdP failed on " + exchange.getRequestURI(), e);
            HttpIo.html(exchange, 500, MessagePage.render("SPID test IdP error", String.valueOf(e.getMessage())));
        }
    }
}
