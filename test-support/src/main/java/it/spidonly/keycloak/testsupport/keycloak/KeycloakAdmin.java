package it.spidonly.keycloak.testsupport.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A small client of Keycloak's admin REST API, logged in to the master realm as the bootstrap admin
 * ({@code admin-cli}, password grant). The token is renewed shortly before it expires.
 *
 * <p>Every {@code path} is relative to {@code /admin/realms}: {@code ""} lists the realms,
 * {@code "/spid"} is a realm, {@code "/spid/users?username=x"} its users. Bodies are JSON: a
 * {@code String} is sent as is, anything else is written with Jackson. Calls that answer outside 2xx
 * throw {@link AdminRequestException}; use {@link #send} to look at error statuses yourself.
 */
public final class KeycloakAdmin {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String accessToken;
    private Instant renewAt = Instant.MIN;

    /** @param baseUrl the server root, e.g. {@code http://127.0.0.1:8180} */
    public KeycloakAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public JsonNode get(String path) {
        return parse(checked("GET", path, null));
    }

    /** POSTs and returns the answer's JSON body, or else the {@code Location} of the created resource as text. */
    public JsonNode post(String path, Object body) {
        HttpResponse<String> response = checked("POST", path, body);
        if (!response.body().isBlank()) {
            return parse(response);
        }
        return response.headers().firstValue("Location").<JsonNode>map(TextNode::new).orElse(MissingNode.getInstance());
    }

    /** POSTs a new resource and returns its id (the last segment of {@code Location}). */
    public String create(String path, Object body) {
        String location = checked("POST", path, body).headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("POST " + path + " answered without Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public JsonNode put(String path, Object body) {
        return parse(checked("PUT", path, body));
    }

    public void delete(String path) {
        checked("DELETE", path, null);
    }

    /** Any call, whatever its status; {@code body} may be null. */
    public HttpResponse<String> send(String method, String path, Object body) {
        return sendWithToken(method, URI.create(baseUrl + "/admin/realms" + path), body == null ? null : new Body("application/json", toJson(body)));
    }

    /**
     * Realm settings → Localization → Realm overrides → Add translation, as the admin REST API does it:
     * {@code PUT /{realm}/localization/{locale}/{key}} with the text as {@code text/plain}.
     */
    public void realmOverride(String realm, String locale, String key, String text) {
        URI uri = URI.create(baseUrl + "/admin/realms/" + encode(realm) + "/localization/" + encode(locale) + "/" + encode(key));
        requireSuccess("PUT", uri, sendWithToken("PUT", uri, new Body("text/plain; charset=UTF-8", text)));
    }

    /** {@code POST /admin/realms} with a whole realm representation. */
    public void importRealm(String realmJson) {
        checked("POST", "", realmJson);
    }

    public void deleteRealm(String realm) {
        delete("/" + encode(realm));
    }

    /** The user with exactly this username, or {@code null}. */
    public JsonNode findUserByUsername(String realm, String username) {
        JsonNode users = get("/" + encode(realm) + "/users?exact=true&username=" + encode(username));
        return users.isEmpty() ? null : users.get(0);
    }

    /** {@code GET /admin/serverinfo}: version, providers, themes. */
    public JsonNode serverInfo() {
        URI uri = URI.create(baseUrl + "/admin/serverinfo");
        HttpResponse<String> response = sendWithToken("GET", uri, null);
        return parse(requireSuccess("GET", uri, response));
    }

    /** A valid master-realm admin access token, e.g. for calling a custom admin endpoint directly. */
    public synchronized String accessToken() {
        if (accessToken == null || Instant.now().isAfter(renewAt)) {
            login();
        }
        return accessToken;
    }

    private HttpResponse<String> checked(String method, String path, Object body) {
        return requireSuccess(method, URI.create(baseUrl + "/admin/realms" + path), send(method, path, body));
    }

    /** A request body and its media type. */
    private record Body(String contentType, String text) {
    }

    private HttpResponse<String> sendWithToken(String method, URI uri, Body body) {
        HttpResponse<String> response = exchange(method, uri, body, accessToken());
        if (response.statusCode() == 401) {
            synchronized (this) {
                accessToken = null;
            }
            response = exchange(method, uri, body, accessToken());
        }
        return response;
    }

    private HttpResponse<String> exchange(String method, URI uri, Body body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", body.contentType())
                    .method(method, HttpRequest.BodyPublishers.ofString(body.text(), StandardCharsets.UTF_8));
        }
        return call(request.build());
    }

    private void login() {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(ADMIN_USER)
                + "&password=" + encode(ADMIN_PASSWORD);
        URI uri = URI.create(baseUrl + "/realms/master/protocol/openid-connect/token");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode token = parse(requireSuccess("POST", uri, call(request)));
        accessToken = token.path("access_token").asText();
        renewAt = Instant.now().plusSeconds(token.path("expires_in").asLong(60)).minus(RENEW_BEFORE_EXPIRY);
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
    }

    private static HttpResponse<String> requireSuccess(String method, URI uri, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AdminRequestException(method, uri.toString(), response.statusCode(), response.body());
        }
        return response;
    }

    private static JsonNode parse(HttpResponse<String> response) {
        if (response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON from " + response.uri() + ": " + response.body(), e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + body.getClass().getName() + " as JSON", e);
        }
    }

    private static String encode(String value) {
        // one encoding that is right both in a path segment and in a query
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
