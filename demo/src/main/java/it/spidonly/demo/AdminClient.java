package it.spidonly.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Keycloak's admin REST API as docs/admin-guide.md uses it: a token of the bootstrap admin ({@code admin-cli}
 * password grant on master, renewed before it expires), JSON in and out, 4xx/5xx as exceptions with the body.
 */
final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    AdminClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    String baseUrl() {
        return baseUrl;
    }

    synchronized String token() {
        if (Instant.now().isAfter(tokenExpiry)) {
            String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password);
            JsonNode answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), false).body;
            token = answer.path("access_token").asText();
            tokenExpiry = Instant.now().plusSeconds(Math.max(10, answer.path("expires_in").asLong(60) - 15));
        }
        return token;
    }

    JsonNode get(String path) {
        return send(request(path).GET(), true).body;
    }

    JsonNode post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)), true).body;
    }

    /** POST that creates something: the id at the end of its Location. */
    String create(String path, Object body) {
        Answer answer = send(request(path).header("Content-Type", "application/json").POST(json(body)), true);
        String location = answer.location;
        return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
    }

    JsonNode put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(json(body)), true).body;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms" + path)).timeout(Duration.ofSeconds(120));
    }

    private record Answer(JsonNode body, String location) {
    }

    private Answer send(HttpRequest.Builder builder, boolean authorised) {
        if (authorised) {
            builder.header("Authorization", "Bearer " + token());
        }
        HttpRequest request = builder.header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            String body = response.body();
            return new Answer(body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
