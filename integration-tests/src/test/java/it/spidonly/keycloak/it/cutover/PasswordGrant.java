package it.spidonly.keycloak.it.cutover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The OAuth 2.0 password grant as a legacy app sends it: {@code POST /token} with username and password. */
final class PasswordGrant {
    /** The token endpoint's answer. */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200 && body.hasNonNull("access_token");
        }

        String error() {
            return body.path("error").asText();
        }

        String refreshToken() {
            return body.path("refresh_token").asText();
        }

        String description() {
            return body.path("error_description").asText();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PasswordGrant() {
    }

    static Answer send(String realmUrl, String clientId, String username, String password, String language) {
        return send(realmUrl, clientId, username, password, language, "openid");
    }

    static Answer send(String realmUrl, String clientId, String username, String password, String language, String scope) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password, "scope", scope)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), new ObjectMapper().readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
