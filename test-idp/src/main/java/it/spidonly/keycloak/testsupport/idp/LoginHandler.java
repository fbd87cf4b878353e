package it.spidonly.keycloak.testsupport.idp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The login form's target. Wrong credentials show the form again with an error; right ones (or Cancel, answered
 * with SPID ErrorCode nr25) answer the SP through the HTTP-POST binding page.
 */
final class LoginHandler implements HttpHandler {

    private final PendingLogins pending;
    private final List<TestUser> users;
    private final LoginPage loginPage;
    private final ResponseFactory responses;

    LoginHandler(PendingLogins pending, List<TestUser> users, LoginPage loginPage, ResponseFactory responses) {
        this.pending = pending;
        this.users = users;
        this.loginPage = loginPage;
        this.responses = responses;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpIo.html(exchange, 405, MessagePage.render("Method not allowed", "Log in from the login page."));
            return;
        }
        FormParameters form = FormParameters.parse(HttpIo.readBody(exchange));
        String reference = form.get("request");
        ReceivedAuthnRequest request = pending.get(reference);
        if (request == null) {
            HttpIo.html(exchange, 400, MessagePage.render("Unknown login",
                    "This login request is unknown or was already answered. Start again from the service provider."));
            return;
        }
        if ("cancel".equals(form.get("action"))) {
            answer(exchange, reference, null, ResponseMutations.statusError("25"));
            return;
        }
        Optional<TestUser> user = users.stream()
                .filter(u -> u.username().equals(form.get("username")) && u.password().equals(form.get("password")))
                .findFirst();
        if (user.isEmpty()) {
            HttpIo.html(exchange, 200, loginPage.render(reference, request, "Wrong username or password."));
            return;
        }
        answer(exchange, reference, user.get());
    }

    private void answer(HttpExchange exchange, String reference, TestUser user, ResponseMutation... mutations)
            throws IOException {
        ReceivedAuthnRequest request = pending.take(reference);
        if (request == null) {
            HttpIo.html(exchange, 400, MessagePage.render("Unknown login", "This login request was already answered."));
            return;
        }
        String samlResponse = responses.build(request, user, mutations);
        HttpIo.html(exchange, 200, AutoPostPage.render(responses.acsUrlFor(request), samlResponse, request.relayState()));
    }
}
