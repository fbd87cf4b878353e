package it.spidonly.keycloak.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared test server is up, reachable, and administrable. */
@ExtendWith(KeycloakServer.class)
class KeycloakBootsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersWithTheMasterRealmsDiscoveryDocument(KeycloakServer keycloak) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keycloak.realmUrl("master") + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals(keycloak.realmUrl("master"), JSON.readTree(response.body()).path("issuer").asText());
        assertTrue(Files.size(keycloak.logFile()) > 0, "server log is written");
    }

    @Test
    void adminTokenReadsServerInfo(KeycloakServer keycloak) {
        JsonNode info = keycloak.admin().serverInfo();

        assertEquals(System.getProperty("keycloak.dist.version"), info.path("systemInfo").path("version").asText());
    }

    @Test
    void realmIsCreatedAndDeletedThroughTheAdminApi(KeycloakServer keycloak) throws Exception {
        String realm = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.admin().importRealm(JSON.writeValueAsString(Map.of(
                "realm", realm, "enabled", true,
                "users", new Object[] {Map.of("username", "mario.rossi", "enabled", true)})));

        assertEquals(realm, keycloak.admin().get("/" + realm).path("realm").asText());
        assertNotNull(keycloak.admin().findUserByUsername(realm, "mario.rossi"));
        assertNull(keycloak.admin().findUserByUsername(realm, "nobody"));

        keycloak.admin().deleteRealm(realm);

        assertEquals(404, keycloak.admin().send("GET", "/" + realm, null).statusCode());
    }

    @Test
    void everyRealmFileOnTheClassPathWasImported(KeycloakServer keycloak) throws IOException {
        for (String file : keycloak.importedRealmFiles()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("keycloak-import/" + file)) {
                String realm = JSON.readTree(in).path("realm").asText();
                assertEquals(200, keycloak.admin().send("GET", "/" + realm, null).statusCode(), file);
            }
        }
    }
}
