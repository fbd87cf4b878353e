package it.spidonly.keycloak.helpdesk.console;

import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * The headers of every file of the operators' page (docs/helpdesk.md, "The operators' web page"): a strict
 * Content-Security-Policy (only this origin's files, no inline script or style, no framing, no plugins, forms and
 * base URI pinned), no framing for old browsers, no MIME sniffing, no referrer, nothing cached.
 */
final class ConsoleHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CSP,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    private ConsoleHeaders() {
    }

    static Response.ResponseBuilder apply(Response.ResponseBuilder response) {
        HEADERS.forEach(response::header);
        return response;
    }
}
