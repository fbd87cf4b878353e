package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15 finding 10: re-saving the same SP settings with the attributes in another order (as the console may)
 * keeps the metadata's bytes, ID and signature. Empty realm, SP settings over the component API.
 */
@ExtendWith(KeycloakServer.class)
class SpMetadataOrderIT {

    @Test
    void theSameSettingsInAnotherOrderGiveTheSameMetadataBytes(KeycloakServer keycloak) {
        String realm = "spid-md-order-" + System.nanoTime();
        keycloak.admin().importRealm("{\"realm\":\"" + realm + "\",\"enabled\":true}");
        try {
            String id = AdminGuideRealm.createServiceProvider(keycloak.admin(), realm,
                    AdminGuideRealm.spSettings("https://sp.lavoro.example/" + realm, "fiscalNumber", "name", "familyName", "email"));
            String before = metadata(keycloak, realm);

            JsonNode sp = keycloak.admin().get("/" + realm + "/components/" + id);
            ((ObjectNode) sp.path("config")).putArray("acs0Attributes").add("email").add("familyName").add("name").add("fiscalNumber");
            HttpResponse<String> saved = keycloak.admin().send("PUT", "/" + realm + "/components/" + id, sp);
            assertEquals(204, saved.statusCode(), saved.body());
            assertEquals(before, metadata(keycloak, realm), "same meaning, same bytes (ID and signature included)");

            ((ObjectNode) sp.path("config")).putArray("acs0Attributes").add("email").add("familyName").add("fiscalNumber");
            assertEquals(204, keycloak.admin().send("PUT", "/" + realm + "/components/" + id, sp).statusCode());
            assertNotEquals(before, metadata(keycloak, realm), "another meaning, another document");
        } finally {
            keycloak.admin().deleteRealm(realm);
        }
    }

    /**
     * Settings read back from the server save unchanged: the server's own writes at save time (readiness, metadata
     * URL), which change with the realm, must not double the stored lists (seen: each requested attribute twice, then
     * every later save refused and the metadata 503).
     */
    @Test
    void settingsReadBackFromTheServerSaveUnchanged(KeycloakServer keycloak) {
        String realm = "spid-md-roundtrip-" + System.nanoTime();
        keycloak.admin().importRealm("{\"realm\":\"" + realm + "\",\"enabled\":true}");
        try {
            String id = AdminGuideRealm.createServiceProvider(keycloak.admin(), realm,
                    AdminGuideRealm.spSettings("https://sp.lavoro.example/" + realm, "fiscalNumber", "name", "familyName", "email"));
            JsonNode created = keycloak.admin().get("/" + realm + "/components/" + id);
            assertEquals(4, created.path("config").path("acs0Attributes").size(), created::toString);
            // the realm changes between two saves (here: user events on), so what the server writes at save changes too
            keycloak.admin().put("/" + realm, Map.of("eventsEnabled", true));

            HttpResponse<String> saved = keycloak.admin().send("PUT", "/" + realm + "/components/" + id, created);
            assertEquals(204, saved.statusCode(), saved.body());
            JsonNode again = keycloak.admin().get("/" + realm + "/components/" + id);
            assertEquals(4, again.path("config").path("acs0Attributes").size(), again::toString);
            assertEquals(1, again.path("config").path("metadataUrl").size(), again::toString);
            metadata(keycloak, realm);
        } finally {
            keycloak.admin().deleteRealm(realm);
        }
    }

    private static String metadata(KeycloakServer keycloak, String realm) {
        Page page = new HttpBrowser().get(keycloak.realmUrl(realm) + "/spid/metadata");
        assertEquals(200, page.status(), page.body());
        return page.body();
    }
}
