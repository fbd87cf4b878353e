package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * What a ministry admin does with the registry of one realm, over the admin REST API: put a registry file in the
 * server's registry directory, save the {@code spid-registry} settings (the component the console page edits),
 * refresh, read the status and the realm's SPID IdPs.
 */
final class RegistryAdmin {
    static final String PAGE = "spid-registry";
    private static final String UI_PAGE = "org.keycloak.services.ui.extend.UiPageProvider";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeycloakServer keycloak;
    private final String realm;

    RegistryAdmin(KeycloakServer keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** Writes a registry into the server's registry directory and returns its {@code file:} source. */
    static String writeFile(String xml) {
        Path dir = Path.of(System.getProperty("keycloak.home"), "data", "spid-registry");
        String name = "registry-" + UUID.randomUUID() + ".xml";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "file:" + name;
    }

    /** Creates or replaces the realm's registry settings; answers the component endpoint's response. */
    HttpResponse<String> save(Map<String, String> settings) {
        Map<String, List<String>> config = new LinkedHashMap<>();
        settings.forEach((k, v) -> config.put(k, List.of(v)));
        JsonNode existing = component();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "SPID registry");
        body.put("providerId", PAGE);
        body.put("providerType", UI_PAGE);
        body.put("parentId", keycloak.admin().get("/" + realm).path("id").asText());
        body.put("config", config);
        if (existing == null) {
            return keycloak.admin().send("POST", "/" + realm + "/components", body);
        }
        body.put("id", existing.path("id").asText());
        return keycloak.admin().send("PUT", "/" + realm + "/components/" + existing.path("id").asText(), body);
    }

    void saveOk(Map<String, String> settings) {
        HttpResponse<String> response = save(settings);
        assertEquals(true, response.statusCode() / 100 == 2, () -> response.statusCode() + " " + response.body());
    }

    JsonNode component() {
        for (JsonNode c : keycloak.admin().get("/" + realm + "/components?type=" + UI_PAGE)) {
            if (PAGE.equals(c.path("providerId").asText())) {
                return c;
            }
        }
        return null;
    }

    /** {@code GET /admin/realms/{realm}/spid-registry}: settings and status. */
    JsonNode status() {
        return keycloak.admin().get("/" + realm + "/spid-registry").path("status");
    }

    /** {@code POST .../spid-registry/refresh} in the given language. */
    HttpResponse<String> refresh(String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + realm + "/spid-registry/refresh"))
                .header("Authorization", "Bearer " + keycloak.admin().accessToken())
                .header("Accept", "application/json").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode refreshOk() {
        HttpResponse<String> response = refresh("en");
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    /** The realm's SPID IdPs by alias, as the admin REST API shows them. */
    Map<String, JsonNode> spidIdps() {
        Map<String, JsonNode> idps = new TreeMap<>();
        for (JsonNode idp : keycloak.admin().get("/" + realm + "/identity-provider/instances")) {
            if ("spid-saml".equals(idp.path("providerId").asText())) {
                idps.put(idp.path("alias").asText(), idp);
            }
        }
        return idps;
    }

    /** The aliases of the SPID IdPs the registry manages. */
    java.util.Set<String> managedIdps() {
        java.util.Set<String> aliases = new java.util.TreeSet<>();
        spidIdps().forEach((alias, idp) -> {
            if ("true".equals(idp.path("config").path("spidRegistryManaged").asText())) {
                aliases.add(alias);
            }
        });
        return aliases;
    }

    JsonNode idp(String alias) {
        return keycloak.admin().get("/" + realm + "/identity-provider/instances/" + alias);
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
