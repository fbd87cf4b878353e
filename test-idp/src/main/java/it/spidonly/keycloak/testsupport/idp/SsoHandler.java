package it.spidonly.keycloak.testsupport.idp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * The SingleSignOnService: GET = HTTP-Redirect binding, POST = HTTP-POST binding. Every readable AuthnRequest is
 * recorded; one whose signature is missing or does not verify gets a 400 page saying why (an IdP must refuse
 * unsigned or badly signed requests, SPID Regole tecniche, AuthnRequest), a good one the login page.
 */
final class SsoHandler implements HttpHandler {

    private final AuthnRequestReceiver receiver;
    private final PendingLogins pending;
    private final LoginPage loginPage;

    SsoHandler(AuthnRequestReceiver receiver, PendingLogins pending, LoginPage loginPage) {
        this.receiver = receiver;
        this.pending = pending;
        this.loginPage = loginPage;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ReceivedAuthnRequest request;
        switch (exchange.getRequestMethod()) {
            case "GET" -> request = receiver.receiveRedirect(FormParameters.parse(rawQuery(exchange)));
            case "POST" -> request = receiver.receivePost(FormParameters.parse(HttpIo.readBody(exchange)));
            default -> {
                HttpIo.html(exchange, 405, MessagePage.render("Method not allowed", "Use GET or POST."));
                return;
            }
        }
        if (!request.signatureValid()) {
            HttpIo.html(exchange, 400, MessagePage.render("AuthnRequest rejected",
                    "The AuthnRequest signature is missing or invalid: " + request.signatureProblem()));
            return;
        }
        HttpIo.html(exchange, 200, loginPage.render(pending.add(request), request, null));
    }

    private static String rawQuery(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && query.length() > HttpIo.MAX_BODY_BYTES) {
            throw new SamlRequestRejected("The query string is longer than " + HttpIo.MAX_BODY_BYTES + " characters");
        }
        return query;
    }
}
