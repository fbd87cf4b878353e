package it.spidonly.keycloak.helpdesk.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The operators' web page, static files from the jar ({@code helpdesk/console/}), at
 * {@code /realms/{realm}/helpdesk-console/}. The page logs the operator in with the realm's
 * {@code helpdesk-console} client (authorization code + PKCE, in the browser) and calls the operator API with the
 * token; it holds no secret and the server keeps no state for it.
 */
public class HelpdeskConsoleResource {
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

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
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        try (InputStream in = HelpdeskConsoleResource.class.getResourceAsStream("/helpdesk/console/" + name)) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            return Response.ok(in.readAllBytes(), type)
                    .header("Cache-Control", "no-store")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read helpdesk/console/" + name + " from the jar", e);
        }
    }
}
