package it.spidonly.keycloak.it.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** The cutover through the admin REST API: its own typed endpoint, and the component behind it. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CutoverAdminRestIT {
    private CutoverFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = CutoverFixture.create(keycloak, "cutover-rest");
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private String path() {
        return "/" + fixture.name + "/spid-cutover";
    }

    @Test
    void theCutoverIsReadableAndSettableAndEveryChangeIsAnAdminEvent() {
        JsonNode moved = fixture.admin().put(path(), Map.of("cutoverAt", "2020-11-15T00:00", "timeZone", "Europe/Rome", "enabled", true));
        assertEquals("2020-11-15T00:00:00+01:00", moved.path("instant").asText());
        assertEquals("PASSED", moved.path("phase").asText());

        JsonNode read = fixture.admin().get(path());
        assertEquals(true, read.path("configured").asBoolean());
        assertEquals(true, read.path("enabled").asBoolean());
        assertEquals("2020-11-15T00:00", read.path("cutoverAt").asText());
        assertEquals("Europe/Rome", read.path("timeZone").asText());
        assertEquals("PASSED", read.path("phase").asText());

        JsonNode off = fixture.admin().put(path(), Map.of("enabled", false));
        assertEquals("OFF", off.path("phase").asText());
        assertEquals("2020-11-15T00:00", off.path("cutoverAt").asText(), "what is left out stays");

        JsonNode ahead = fixture.admin().put(path(), Map.of("enabled", true, "cutoverAt", "2999-01-01T08:30"));
        assertEquals("BEFORE", ahead.path("phase").asText());
        assertEquals("2999-01-01T08:30:00+01:00", ahead.path("instant").asText());

        JsonNode component = cutoverComponent();
        assertEquals("2999-01-01T08:30", component.path("config").path("cutoverAt").path(0).asText(), "the REST API edits the console's component");
        JsonNode events = fixture.admin().get("/" + fixture.name + "/admin-events?resourceTypes=COMPONENT&operationTypes=UPDATE");
        assertTrue(events.size() >= 3, events::toString);
        assertTrue(events.get(0).path("resourcePath").asText().contains(component.path("id").asText()), events.get(0)::toString);
    }

    @Test
    void aDateThatCannotBeReadIsRefusedWithALocalisedMessageAndNothingChanges() throws Exception {
        fixture.admin().put(path(), Map.of("enabled", true, "cutoverAt", "2020-11-15T00:00", "timeZone", "Europe/Rome"));

        HttpResponse<String> it = fixture.admin().send("PUT", path(), Map.of("cutoverAt", "15/11/2020"));
        assertEquals(400, it.statusCode());
        JsonNode body = new ObjectMapper().readTree(it.body());
        assertEquals("cutoverAtFormat", body.path("error").asText());
        assertTrue(body.path("message").asText().contains("\"15/11/2020\"") && body.path("message").asText().contains("2020-11-15T00:00"), body::toString);

        HttpResponse<String> zone = fixture.admin().send("PUT", path(), Map.of("timeZone", "Europe/Roma"));
        assertEquals(400, zone.statusCode());
        assertEquals("cutoverTimeZoneUnknown", new ObjectMapper().readTree(zone.body()).path("error").asText());

        assertEquals("2020-11-15T00:00", fixture.admin().get(path()).path("cutoverAt").asText(), "nothing changed");
    }

    @Test
    void theComponentEndpointRefusesTheSameMistakesInTheAdminsLanguage() {
        JsonNode component = cutoverComponent();
        com.fasterxml.jackson.databind.node.ObjectNode bad = component.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.path("config")).putArray("cutoverAt").add("domani");
        HttpResponse<String> refused = fixture.admin().send("PUT", "/" + fixture.name + "/components/" + component.path("id").asText(), bad);
        assertEquals(400, refused.statusCode());
        // Keycloak answers in the realm's default language (Italian here) when the admin's token names none
        assertTrue(refused.body().contains("\\\"domani\\\"") && refused.body().contains("2020-11-15T00:00"), refused.body());
    }

    @Test
    void aSecondCutoverInTheRealmAndACutoverInTheMasterRealmAreRefused() throws Exception {
        JsonNode component = cutoverComponent();
        com.fasterxml.jackson.databind.node.ObjectNode second = component.deepCopy();
        second.remove("id");
        HttpResponse<String> refused = fixture.admin().send("POST", "/" + fixture.name + "/components", second);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("questo realm ne ha gi"), refused.body());

        HttpResponse<String> master = fixture.admin().send("PUT", "/master/spid-cutover", Map.of("enabled", true));
        assertEquals(400, master.statusCode());
        assertEquals("cutoverNotInAdminRealm", new ObjectMapper().readTree(master.body()).path("error").asText());
        assertEquals(false, fixture.admin().get("/master/spid-cutover").path("configured").asBoolean());
    }

    @Test
    void aRealmWithoutCutoverSaysSoAndAFirstPutCreatesItWithTheMinistrysDefaults() {
        String bare = "cutover-bare-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        fixture.admin().importRealm("{\"realm\":\"" + bare + "\",\"enabled\":true}");
        try {
            JsonNode none = fixture.admin().get("/" + bare + "/spid-cutover");
            assertEquals(false, none.path("configured").asBoolean());
            assertEquals("OFF", none.path("phase").asText());

            JsonNode created = fixture.admin().put("/" + bare + "/spid-cutover", Map.of("enabled", true));
            assertEquals(true, created.path("configured").asBoolean());
            assertEquals("2020-11-15T00:00", created.path("cutoverAt").asText());
            assertEquals("Europe/Rome", created.path("timeZone").asText());
            assertEquals("PASSED", created.path("phase").asText());
        } finally {
            fixture.admin().deleteRealm(bare);
        }
    }

    private JsonNode cutoverComponent() {
        for (JsonNode c : fixture.admin().get("/" + fixture.name + "/components?type=org.keycloak.services.ui.extend.UiPageProvider")) {
            if ("spid-cutover".equals(c.path("providerId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no spid-cutover component");
    }
}
