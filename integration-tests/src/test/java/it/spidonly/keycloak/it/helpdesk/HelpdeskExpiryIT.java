package it.spidonly.keycloak.it.helpdesk;

import static it.spidonly.keycloak.it.helpdesk.HelpdeskCitizen.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskApi;
import it.spidonly.keycloak.testsupport.helpdesk.Proofings;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * The credential expires at the earlier of the document's expiry and the realm's cap: here a cap of 3 seconds
 * (realm attribute helpdesk.credentialMaxValidity = PT3S), so the expiry is reached without moving any clock.
 */
class HelpdeskExpiryIT extends HelpdeskRealmPerClass {
    @Override
    HelpdeskFixture helpdeskRealm(KeycloakServer keycloak, GreenMailExtension mail) {
        return HelpdeskFixture.setUpByAdmin(keycloak, mail, "helpdesk-expiry", "PT3S");
    }

    @Test
    void anExpiredCredentialIsRefusedWithTheReasonInTheUsersLanguageNotTheBrowsers() throws InterruptedException {
        String email = HelpdeskFixture.newEmail("expiring");
        Map<String, Object> proofing = new java.util.LinkedHashMap<>(Proofings.usPassport(email));
        proofing.put("locale", "it");
        JsonNode record = fixture.recorded(proofing);
        HelpdeskApi.Answer approved = fixture.two.post("/records/" + record.path("id").asText() + "/approve", Map.of());
        assertEquals(200, approved.status(), approved::toString);
        Instant expiresAt = Instant.parse(approved.body().path("credentialExpiresAt").asText());
        Instant approvedAt = Instant.parse(approved.body().path("approvedAt").asText());
        assertEquals(approvedAt.plusSeconds(3), expiresAt, "the cap comes before the document's expiry");
        HelpdeskFixture.Activation activation = fixture.activationMail(email, record.path("id").asText());

        while (!fixture.one.get("/records/" + activation.recordId()).body().path("expired").asBoolean()) {
            Thread.sleep(500);
        }

        HelpdeskCitizen user = new HelpdeskCitizen(fixture, "en");
        Page refused = user.submit(user.loginPage(), activation.username(), activation.code());
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(message(refused).startsWith("Le tue credenziali dell'Help Desk sono scadute"), message(refused));

        HelpdeskApi.Answer reissue = fixture.one.post("/records/" + activation.recordId() + "/reissue", Map.of());
        assertEquals(409, reissue.status(), reissue::toString);
        assertEquals("helpdesk.state.expired", reissue.error());
    }
}
