package it.spidonly.keycloak.testsupport.helpdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One operator at the help-desk JSON API ({@code /admin/realms/{realm}/helpdesk}), logged in to the realm through
 * its operator client with the password grant. Answers are returned whatever their status.
 */
public final class HelpdeskApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String realm;
    private final String token;
    private String language = "en";

    /** An answer: status and JSON body ({@code MissingNode} when empty). */
    public record Answer(int status, JsonNode body) {
        public String error() {
            return body.path("error").asText();
        }

        public String message() {
            return body.path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private HelpdeskApi(String baseUrl, String realm, String token) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.token = token;
    }

    /**
     * Logs {@code username} in to {@code realm} through {@link HelpdeskRealm#OPERATOR_CLIENT} with the password grant
     * and the password alone: for users without an authenticator app (Keycloak's direct grant then asks for no
     * code), whom the API must refuse. Operators with an app log in at their page: {@link HelpdeskOperatorLogin}.
     */
    public static HelpdeskApi login(String baseUrl, String realm, String username, String password) {
        HelpdeskApi anonymous = new HelpdeskApi(baseUrl, realm, null);
        String form = "grant_type=password&client_id=" + HelpdeskRealm.OPERATOR_CLIENT + "&username=" + encode(username)
                + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Answer answer = anonymous.call(request);
        if (answer.status() != 200) {
            throw new IllegalStateException("operator login failed: " + answer);
        }
        return new HelpdeskApi(baseUrl, realm, answer.body().path("access_token").asText());
    }

    /** An operator whose access token was obtained elsewhere (e.g. a browser login, {@link HelpdeskOperatorLogin}). */
    public static HelpdeskApi withToken(String baseUrl, String realm, String accessToken) {
        return new HelpdeskApi(baseUrl, realm, accessToken);
    }

    /** The Accept-Language of the following calls ({@code en} unless changed). */
    public HelpdeskApi language(String language) {
        this.language = language;
        return this;
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    /** {@code path} relative to {@code /admin/realms/{realm}/helpdesk}, e.g. {@code /records}. */
    public Answer send(String method, String path, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/helpdesk" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").header("Accept-Language", language);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
        }
        return call(b.build());
    }

    private Answer call(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? MissingNode.getInstance() : parse(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("notJson", body.length() > 500 ? body.substring(0, 500) : body);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
