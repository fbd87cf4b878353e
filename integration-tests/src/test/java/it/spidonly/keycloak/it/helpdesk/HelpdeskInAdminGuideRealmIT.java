package it.spidonly.keycloak.it.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.it.adminpath.Citizen;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskApi;
import it.spidonly.keycloak.testsupport.helpdesk.Proofings;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15, acceptance: the help desk in the realm an administrator builds from docs/admin-guide.md alone, through the
 * admin REST API from an empty realm: the SPID steps ({@link AdminGuideRealm#complete}), then the "Help desk"
 * section ({@link AdminGuideRealm#helpdesk}). Record, approval by a second operator, activation e-mail, activation,
 * login with password and TOTP; and the SPID login of the same realm still works beside it.
 */
class HelpdeskInAdminGuideRealmIT extends HelpdeskRealmPerClass {
    private static final String PASSWORD = "correct horse battery staple";

    private AdminGuideRealm realm;

    @Override
    HelpdeskFixture helpdeskRealm(KeycloakServer keycloak, GreenMailExtension mail) {
        realm = AdminGuideRealm.complete(keycloak, "adminpath-helpdesk");
        try {
            return HelpdeskFixture.onAdminGuideRealm(realm, mail);
        } catch (RuntimeException | AssertionError e) {
            realm.admin().deleteRealm(realm.name);
            throw e;
        }
    }

    /** The test IdP stops here; the realm goes with the fixture. */
    @AfterAll
    void stopIdp() {
        if (realm != null) {
            realm.idp.close();
        }
    }

    @Test
    void recordApprovalActivationAndLoginGiveTheHelpdeskAcr() {
        String email = HelpdeskFixture.newEmail("guide");
        JsonNode record = fixture.recorded(Proofings.usPassport(email));
        String id = record.path("id").asText();
        assertEquals("PENDING", record.path("state").asText());
        assertEquals(0, fixture.mailsTo(email), "no e-mail before approval");

        HelpdeskApi.Answer approved = fixture.two.post("/records/" + id + "/approve", Map.of("evidenceRef", "ticket-15"));
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("ISSUED", approved.body().path("state").asText());

        HelpdeskFixture.Activation activation = fixture.activationMail(email, id);
        HelpdeskCitizen citizen = new HelpdeskCitizen(fixture, "en");
        OidcTestClient.Tokens first = citizen.activate(activation, PASSWORD);
        assertEquals(HelpdeskCredentialsIT.HELPDESK_ACR, first.idTokenClaims().getStringClaim("acr"));
        assertEquals(activation.username(), first.idTokenClaims().getStringClaim("preferred_username"));

        OidcTestClient.Tokens later = new HelpdeskCitizen(fixture, "en").sameAppAs(citizen).login(activation.username(), PASSWORD);
        assertEquals(HelpdeskCredentialsIT.HELPDESK_ACR, later.idTokenClaims().getStringClaim("acr"));
        JsonNode view = fixture.one.get("/records/" + id).body();
        assertTrue(view.path("activated").asBoolean());
        assertFalse(view.path("activationPending").asBoolean(), "the code is used up");
    }

    @Test
    void aSpidCitizenStillLogsInBesideTheHelpDesk() {
        OidcTestClient.Tokens tokens = new Citizen(realm).spidLoginToApp("giulia.bianchi");

        assertEquals("bncgli92l55f205a", tokens.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals("BNCGLI92L55F205A", tokens.idTokenClaims().getStringClaim("fiscal_number"));
    }
}
