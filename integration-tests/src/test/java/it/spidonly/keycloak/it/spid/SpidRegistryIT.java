package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** AgID's registry (the verified copy shipped in the bundle) brought into a realm through the admin REST API. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SpidRealmFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-registry", true);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void everyRegistryIdpBecomesASpidIdpAdminChoicesSurviveAndLeaversAreDisabled() throws Exception {
        String metadataBefore = new HttpBrowser().get(fixture.metadataUrl()).body();
        // an IdP the registry managed earlier and that has since left it
        fixture.keycloak.admin().post("/" + fixture.name() + "/identity-provider/instances", Map.of("alias", "spid-gone-example",
                "providerId", "spid-saml", "enabled", true, "config", Map.of("idpEntityId", "https://gone.example/idp",
                        "singleSignOnServiceUrl", "https://gone.example/sso", "spidRegistryManaged", "true")));

        JsonNode first = refresh();
        assertEquals(12, first.path("added").size(), first.toString());
        assertEquals(List.of("spid-gone-example"), List.of(first.path("disabled").path(0).asText()));

        JsonNode poste = idp("spid-posteid-poste-it");
        assertEquals("spid-saml", poste.path("providerId").asText());
        assertTrue(poste.path("enabled").asBoolean());
        assertEquals("https://posteid.poste.it", poste.path("config").path("idpEntityId").asText());
        assertFalse(poste.path("config").path("signingCertificate").asText().isBlank());
        assertEquals("spid first broker login", poste.path("firstBrokerLoginFlowAlias").asText());
        assertFalse(idp("spid-gone-example").path("enabled").asBoolean(), "left the registry: disabled, not deleted");
        assertTrue(idp(SpidRealmFixture.IDP_ALIAS).path("enabled").asBoolean(), "an IdP the registry does not manage is untouched");

        ObjectNode disabledByAdmin = (ObjectNode) poste;
        disabledByAdmin.put("enabled", false).put("displayName", "Poste (admin's name)");
        assertEquals(204, fixture.keycloak.admin().send("PUT", "/" + fixture.name() + "/identity-provider/instances/spid-posteid-poste-it",
                disabledByAdmin).statusCode());

        JsonNode second = refresh();
        assertEquals(0, second.path("added").size());
        assertEquals(12, second.path("updated").size());
        assertFalse(idp("spid-posteid-poste-it").path("enabled").asBoolean(), "the admin's choice survives a refresh");
        assertEquals("Poste (admin's name)", idp("spid-posteid-poste-it").path("displayName").asText());

        assertEquals(metadataBefore, new HttpBrowser().get(fixture.metadataUrl()).body(), "the SP metadata never changes with IdPs");
    }

    private JsonNode refresh() throws Exception {
        HttpResponse<String> response = fixture.keycloak.admin().send("POST", "/" + fixture.name() + "/spid-registry/refresh", null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private JsonNode idp(String alias) {
        return fixture.keycloak.admin().get("/" + fixture.name() + "/identity-provider/instances/" + alias);
    }
}
