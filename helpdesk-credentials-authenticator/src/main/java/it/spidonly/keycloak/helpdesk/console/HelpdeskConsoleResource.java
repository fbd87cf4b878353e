package it.spidonly.keycloak.helpdesk.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The operators' web page, static files from the jar ({@code helpdesk/console/}), at
 * {@code /realms/{realm}/helpdesk-console/}. The page logs the operator in with the realm's
 * {@code helpdesk-console} client (authorization code + PKCE, in the browser) and calls the operator API with the
 * token; it holds no secret and the server keeps no state for it.
 * <p>
 * Every file, the HTML included, carries {@link ConsoleHeaders}: Keycloak's security-header filter would replace
 * the HTML's Content-Security-Policy and X-Frame-Options with the realm's (laxer) browser headers, so it is told
 * to leave these answers alone.
 */
public class HelpdeskConsoleResource {
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    private final KeycloakSession session;

    HelpdeskConsoleResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("")
    public Response index() {
        return file("index.html");
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String name) {
        String type = FILES.get(name);
        if (type == null) {
            return ConsoleHeaders.apply(Response.status(Response.Status.NOT_FOUND)).build();
        }
        try (InputStream in = HelpdeskConsoleResource.class.getResourceAsStream("/helpdesk/console/" + name)) {
            if (in == null) {
                return ConsoleHeaders.apply(Response.status(Response.Status.NOT_FOUND)).build();
            }
            SecurityHeadersProvider keycloakHeaders = session.getProvider(SecurityHeadersProvider.class);
            if (keycloakHeaders != null) {
                keycloakHeaders.options().skipHeaders();
            }
            return ConsoleHeaders.apply(Response.ok(in.readAllBytes(), type)).build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read helpdesk/console/" + name + " from the jar", e);
        }
    }
}
