package it.spidonly.keycloak.it.cutover;

import static it.spidonly.keycloak.it.cutover.LegacyLoginDriver.message;
import static it.spidonly.keycloak.it.cutover.LegacyLoginDriver.messageType;
import static it.spidonly.keycloak.it.cutover.LegacyLoginDriver.reachedApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.inps.InpsPerson;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.CutoverRealm;

/** The INPS PIN on both sides of the cutover: the INPS PIN page and the password grant, against the fake INPS. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InpsPinCutoverIT {
    private static final InpsPerson VERDI = InpsPerson.of("VRDGPP80A01H501U", "Pin4Verdi", "Giuseppe", "Verdi");
    private static final InpsPerson BIANCHI = InpsPerson.of("BNCLRA70M41F205V", "Pin4Bianchi", "Laura", "Bianchi");
    private static final String WRONG_PIN = "WrongPin99";
    private CutoverFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = CutoverFixture.create(keycloak, "cutover-inps");
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void beforeTheCutoverTheInpsPinLogsInAndTheFirstLoginCreatesTheAccount() {
        fixture.cutoverAhead();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page inpsPage = citizen.inpsPinPage(citizen.loginPage());
        assertEquals("info", messageType(inpsPage));
        assertTrue(message(inpsPage).contains("you will no longer be able to sign in with a user ID and password or with the INPS PIN"), message(inpsPage));

        Page end = citizen.submitPin(inpsPage, "vrdgpp80a01h501u", VERDI.pin());
        assertTrue(reachedApp(end), () -> "the app gets its code: " + end + " " + message(end));
        assertEquals("vrdgpp80a01h501u", citizen.app.exchange(end.location()).idTokenClaims().getStringClaim("preferred_username"));
        JsonNode user = fixture.admin().findUserByUsername(fixture.name, "vrdgpp80a01h501u");
        assertEquals(VERDI.fiscalCode(), user.path("attributes").path("fiscalNumber").path(0).asText());
        assertEquals("Giuseppe", user.path("firstName").asText());
        assertEquals(0, fixture.admin().get("/" + fixture.name + "/users/" + user.path("id").asText() + "/credentials").size(),
                "the PIN is not stored as a credential");
        assertTrue(fixture.inps.askedFiscalCodes().contains(VERDI.fiscalCode()));
    }

    @Test
    void beforeTheCutoverAWrongPinIsRefusedWithTheMessageAndAnEvent() {
        fixture.cutoverAhead();
        fixture.clearEvents();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page refused = citizen.submitPin(citizen.inpsPinPage(citizen.loginPage()), VERDI.fiscalCode(), WRONG_PIN);
        assertEquals(401, refused.status());
        assertEquals("The fiscal code or the INPS PIN is not correct.", message(refused));
        assertEquals(VERDI.fiscalCode(), refused.element("input#fiscalCode").attr("value"), "the fiscal code is kept");
        assertEquals("", refused.element("input#pin").attr("value"), "the PIN never comes back");
        JsonNode event = fixture.event("LOGIN_ERROR", "invalid_user_credentials");
        assertNotNull(event);
        assertEquals("inps-pin", event.path("details").path("credential_type").asText());
    }

    @Test
    void aFiscalCodeThatCannotBeIsRefusedWithoutAskingInps() {
        fixture.cutoverAhead();
        fixture.clearEvents();
        int asked = fixture.inps.askedFiscalCodes().size();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "it");
        Page refused = citizen.submitPin(citizen.inpsPinPage(citizen.loginPage()), "VRDGPP80A01H501X", VERDI.pin());
        assertEquals(400, refused.status());
        assertTrue(refused.element("#input-error-fiscalCode").text().startsWith("Il codice fiscale non è valido"), refused.body());
        assertEquals(asked, fixture.inps.askedFiscalCodes().size(), "INPS is not asked");
        assertNotNull(fixture.event("LOGIN_ERROR", "invalid_fiscal_code"));
    }

    @Test
    void aBlockedPinAndAnInpsThatIsDownAreExplained() {
        fixture.cutoverAhead();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page blocked = citizen.submitPin(citizen.inpsPinPage(citizen.loginPage()), BIANCHI.fiscalCode(), BIANCHI.pin());
        assertEquals(403, blocked.status());
        assertTrue(message(blocked).startsWith("INPS reports that this PIN is blocked"), message(blocked));

        fixture.inps.down(true);
        try {
            Page down = citizen.submitPin(citizen.inpsPinPage(citizen.loginPage()), VERDI.fiscalCode(), VERDI.pin());
            assertEquals(503, down.status());
            assertTrue(message(down).startsWith("The INPS PIN check is not available right now"), message(down));
            assertNotNull(fixture.event("LOGIN_ERROR", "inps_unavailable"));
        } finally {
            fixture.inps.down(false);
        }
    }

    @Test
    void afterTheCutoverThePageHasNoFormAndEvenAStaleFormIsRefusedWithoutAskingInps() {
        fixture.cutoverAhead();
        LegacyLoginDriver staleTab = new LegacyLoginDriver(fixture, "en");
        Page openedBefore = staleTab.inpsPinPage(staleTab.loginPage());

        fixture.cutoverPassed();
        fixture.clearEvents();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page after = citizen.inpsPinPage(citizen.loginPage());
        assertEquals("warning", messageType(after));
        assertTrue(message(after).startsWith("Since 15 November 2020 you can no longer sign in"), message(after));
        assertNull(after.document().selectFirst("form#kc-inps-pin-form"), "the INPS PIN form is gone");

        int asked = fixture.inps.askedFiscalCodes().size();
        Page refused = staleTab.submitPin(openedBefore, VERDI.fiscalCode(), VERDI.pin());
        assertFalse(reachedApp(refused));
        assertEquals(403, refused.status());
        assertTrue(message(refused).startsWith("Since 15 November 2020 you can no longer sign in"), message(refused));
        assertEquals(asked, fixture.inps.askedFiscalCodes().size(), "INPS is not asked after the cutover");
        JsonNode event = fixture.event("LOGIN_ERROR", "cutover_refused");
        assertNotNull(event);
        assertEquals("inps-pin", event.path("details").path("credential_type").asText());
    }

    @Test
    void passwordGrantWithTheInpsPinWorksBeforeTheCutoverAndIsRefusedAfterIt() {
        fixture.cutoverAhead();
        PasswordGrant.Answer before = PasswordGrant.send(fixture.realmUrl(), CutoverRealm.INPS_GRANT_APP, VERDI.fiscalCode(), VERDI.pin(), "en");
        assertTrue(before.ok(), before::toString);
        PasswordGrant.Answer wrong = PasswordGrant.send(fixture.realmUrl(), CutoverRealm.INPS_GRANT_APP, VERDI.fiscalCode(), WRONG_PIN, "en");
        assertEquals(400, wrong.status());
        assertEquals("invalid_grant", wrong.error());
        assertEquals("The fiscal code or the INPS PIN is not correct.", wrong.description());

        fixture.cutoverPassed();
        fixture.clearEvents();
        int asked = fixture.inps.askedFiscalCodes().size();
        PasswordGrant.Answer after = PasswordGrant.send(fixture.realmUrl(), CutoverRealm.INPS_GRANT_APP, VERDI.fiscalCode(), VERDI.pin(), "en");
        assertEquals(400, after.status(), after::toString);
        assertEquals("invalid_grant", after.error());
        assertTrue(after.description().startsWith("Since 15 November 2020 you can no longer sign in"), after::toString);
        assertEquals(asked, fixture.inps.askedFiscalCodes().size());
        JsonNode event = fixture.event("LOGIN_ERROR", "cutover_refused");
        assertNotNull(event);
        assertEquals("inps-pin", event.path("details").path("credential_type").asText());
        assertEquals(CutoverRealm.INPS_GRANT_APP, event.path("clientId").asText());
    }

    @Test
    void switchingTheCutoverOffRestoresTheInpsPin() {
        fixture.cutoverPassed();
        fixture.cutoverSwitchedOff();
        assertTrue(PasswordGrant.send(fixture.realmUrl(), CutoverRealm.INPS_GRANT_APP, VERDI.fiscalCode(), VERDI.pin(), "en").ok());
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page inpsPage = citizen.inpsPinPage(citizen.loginPage());
        assertEquals("", message(inpsPage), "no notice when the cutover is off");
        assertTrue(reachedApp(citizen.submitPin(inpsPage, VERDI.fiscalCode(), VERDI.pin())));
    }

    @Test
    void thePinIsNeverInKeycloaksLog() throws IOException {
        fixture.cutoverAhead();
        PasswordGrant.send(fixture.realmUrl(), CutoverRealm.INPS_GRANT_APP, VERDI.fiscalCode(), WRONG_PIN, "en");
        PasswordGrant.send(fixture.realmUrl(), CutoverRealm.INPS_GRANT_APP, VERDI.fiscalCode(), VERDI.pin(), "en");
        String log = Files.readString(fixture.keycloak.logFile());
        for (String pin : List.of(VERDI.pin(), WRONG_PIN, BIANCHI.pin())) {
            assertFalse(log.contains(pin), "PIN in the log");
        }
        assertFalse(log.contains(VERDI.fiscalCode()) || log.contains(VERDI.fiscalCode().toLowerCase(java.util.Locale.ROOT)),
                "fiscal codes are masked in the log");
    }
}
