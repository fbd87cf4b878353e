package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.idp.ResponseMutations;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 16, N3: signed assertions whose {@code fiscalNumber} has two values, or is not {@code TINIT-} and a valid
 * fiscal code, are refused by a rule naming it, and create or change no account.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiscalNumberIT {
    private SpidRealmFixture fixture;
    private SpidOutcomes outcomes;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "fiscal-number", true);
        outcomes = new SpidOutcomes(fixture);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aSecondValueChangesNothingOfTheFirstPersonsAccount() {
        SpidLoginDriver first = new SpidLoginDriver(fixture);
        var giulia = SpidOutcomes.user("giulia.bianchi");
        first.fullLogin(giulia.username(), giulia.password());
        JsonNode before = fixture.keycloak.admin().findUserByUsername(fixture.name(), "bncgli92l55f205a");
        assertNotNull(before);

        SpidLoginDriver second = new SpidLoginDriver(fixture);
        second.startAtIdp(SpidRealmFixture.IDP_ALIAS);
        ReceivedAuthnRequest request = second.lastRequest();
        int sessionsBefore = outcomes.activeSessions();
        long since = System.currentTimeMillis() - 1000;
        Page answer = second.postToAcs(fixture.idp.buildSamlResponse(request, SpidOutcomes.user("giulia.bianchi"),
                ResponseMutations.withSecondAttributeValue("fiscalNumber", "TINIT-RSSMRA80A01H501U"),
                ResponseMutations.withSecondAttributeValue("familyName", "Rossi")), request.relayState());

        outcomes.assertRefused("two fiscalNumber values", answer, "spid.assertion.attributes", since, sessionsBefore, second);
        JsonNode after = fixture.keycloak.admin().findUserByUsername(fixture.name(), "bncgli92l55f205a");
        assertEquals(before.path("lastName").asText(), after.path("lastName").asText());
        assertEquals(before.path("attributes"), after.path("attributes"));
        assertNull(fixture.keycloak.admin().findUserByUsername(fixture.name(), "rssmra80a01h501u"));
    }

    @Test
    void aFiscalNumberNotTinitAndAValidCodeCreatesNoAccount() {
        for (String value : new String[] {"ZZTINIT-RSSMRA80A01H501U", "TINIT-RSSMRA80A01H501A", "RSSMRA80A01H501U"}) {
            SpidLoginDriver driver = new SpidLoginDriver(fixture);
            driver.startAtIdp(SpidRealmFixture.IDP_ALIAS);
            ReceivedAuthnRequest request = driver.lastRequest();
            int sessionsBefore = outcomes.activeSessions();
            long since = System.currentTimeMillis() - 1000;
            Page answer = driver.postToAcs(fixture.idp.buildSamlResponse(request, SpidOutcomes.user("mario.rossi"),
                    ResponseMutations.withAttributeValue("fiscalNumber", value)), request.relayState());

            outcomes.assertRefused(value, answer, "spid.assertion.attributes.fiscal-number", since, sessionsBefore, driver);
            assertNull(fixture.keycloak.admin().findUserByUsername(fixture.name(), value.toLowerCase(java.util.Locale.ROOT)), value);
            assertNull(fixture.keycloak.admin().findUserByUsername(fixture.name(), "rssmra80a01h501u"), value);
        }
    }
}
