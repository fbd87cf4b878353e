package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15 finding 8, from empty realms set up over the admin REST API as docs/registry.md says: an admin's
 * refresh is not overwritten by the scheduled run of the same slot; the status reads in the admin's language; the
 * bundled registry's IdPs carry their official logos. (The ITs run the scheduler every 2 s.)
 */
@ExtendWith(KeycloakServer.class)
class RegistryAdminRefreshIT {
    private static final Map<String, String> SCHEDULED = Map.of("source", "bundled", "refreshIntervalMinutes", "360");
    private final List<String> realms = new ArrayList<>();
    private KeycloakServer keycloak;

    @AfterEach
    void dropRealms() {
        realms.forEach(r -> keycloak.admin().deleteRealm(r));
    }

    @Test
    void theScheduledRunOfTheSameSlotLeavesTheAdminsRefreshAlone(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        RegistryAdmin admins = new RegistryAdmin(keycloak, emptyRealm("registry-admin"));
        admins.saveOk(with(SCHEDULED, "refreshNow", "true"));
        JsonNode refreshed = admins.status();
        assertEquals("admin admin", refreshed.path("trigger").asText(), "refreshed in the save, before any scheduler tick");

        // the scheduler refreshes realms it has not refreshed in this slot: two later realms show two ticks went by
        awaitScheduledRefresh(new RegistryAdmin(keycloak, emptyRealm("registry-tick1")));
        awaitScheduledRefresh(new RegistryAdmin(keycloak, emptyRealm("registry-tick2")));

        JsonNode after = admins.status();
        assertEquals("admin admin", after.path("trigger").asText(), "the scheduled run of the slot did not overwrite it");
        assertEquals(refreshed.path("lastAttempt").asText(), after.path("lastAttempt").asText());
    }

    @Test
    void theStatusReadsInTheAdminsLanguageAndTheIdpsCarryTheirLogos(KeycloakServer keycloak) throws Exception {
        this.keycloak = keycloak;
        String realm = emptyRealm("registry-i18n");
        RegistryAdmin registry = new RegistryAdmin(keycloak, realm);
        registry.saveOk(Map.of("source", "bundled", "refreshIntervalMinutes", "0"));
        registry.refreshOk();
        assertEquals("12 aggiunti, 0 aggiornati, 0 disattivati", statusText(realm, "it"));
        assertEquals("12 added, 0 updated, 0 disabled", statusText(realm, "en"));
        assertEquals("12 aggiunti, 0 aggiornati, 0 disattivati", registry.component().path("config").path("statusMessageIt").path(0).asText());

        Map<String, JsonNode> idps = registry.spidIdps();
        assertEquals(12, idps.size());
        assertEquals("spid-idp-posteid.svg", idps.get("spid-posteid-poste-it").path("config").path("kcTheme-spidLogo").asText());
        idps.forEach((alias, idp) -> assertTrue(idp.path("config").path("kcTheme-spidLogo").asText().matches("spid-idp-[a-z]+\\.svg"),
                alias + " has its official logo"));
    }

    private String emptyRealm(String prefix) {
        String name = prefix + "-" + System.nanoTime();
        keycloak.admin().importRealm("{\"realm\":\"" + name + "\",\"enabled\":true}");
        realms.add(name);
        return name;
    }

    private static void awaitScheduledRefresh(RegistryAdmin registry) {
        registry.saveOk(SCHEDULED);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (!"scheduled".equals(registry.status().path("trigger").asText())) {
            assertTrue(Instant.now().isBefore(deadline), "the scheduler never refreshed the control realm");
            sleep();
        }
    }

    private String statusText(String realm, String language) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + realm + "/spid-registry"))
                .header("Authorization", "Bearer " + keycloak.admin().accessToken())
                .header("Accept", "application/json").header("Accept-Language", language).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return RegistryAdmin.json(response.body()).path("statusText").asText();
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(settings);
        copy.put(key, value);
        return copy;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
