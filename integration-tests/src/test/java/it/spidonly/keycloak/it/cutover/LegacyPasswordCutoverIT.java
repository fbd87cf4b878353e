package it.spidonly.keycloak.it.cutover;

import static it.spidonly.keycloak.it.cutover.LegacyLoginDriver.message;
import static it.spidonly.keycloak.it.cutover.LegacyLoginDriver.messageType;
import static it.spidonly.keycloak.it.cutover.LegacyLoginDriver.reachedApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.CutoverRealm;

/** Legacy username/password on both sides of the cutover: the login page and the password grant. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyPasswordCutoverIT {
    private static final String USER = "anna.ferri";
    private static final String PASSWORD = "Cliclavoro-2016";
    private CutoverFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = CutoverFixture.create(keycloak, "cutover-password");
        fixture.legacyUser(USER, PASSWORD, "FRRNNA85M41H501Q");
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void beforeTheCutoverThePasswordWorksAndTheLoginPageAnnouncesTheDate() {
        fixture.cutoverAhead();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page login = citizen.loginPage();
        String date = LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(30).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        assertEquals("info", messageType(login));
        assertTrue(message(login).startsWith("From " + date + " you will no longer be able to sign in with a user ID and password"), message(login));

        Page end = citizen.submitPassword(login, USER, PASSWORD);
        assertTrue(reachedApp(end), () -> "the app gets its code: " + end + "\n" + message(end));
        assertEquals(USER, citizen.app.exchange(end.location()).idTokenClaims().getStringClaim("preferred_username"));
    }

    @Test
    void afterTheCutoverTheRightPasswordIsRefusedWithTheMessageAndAnEvent() {
        fixture.cutoverPassed();
        fixture.clearEvents();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page login = citizen.loginPage();
        assertEquals("warning", messageType(login));
        assertTrue(message(login).startsWith("Since 15 November 2020 you can no longer sign in with a user ID and password"), message(login));

        Page refused = citizen.submitPassword(login, USER, PASSWORD);
        assertFalse(reachedApp(refused), refused.toString());
        assertEquals(403, refused.status());
        assertEquals("danger", messageType(refused));
        assertEquals("Since 15 November 2020 you can no longer sign in with a user ID and password or with the INPS PIN. "
                + "Sign in with SPID; citizens of other EU countries can use eIDAS; if you can use neither, contact the Ministry's Help Desk.", message(refused));

        JsonNode event = fixture.event("LOGIN_ERROR", "cutover_refused");
        assertNotNull(event, () -> "a LOGIN_ERROR cutover_refused event: " + fixture.events("LOGIN_ERROR"));
        assertEquals("password", event.path("details").path("credential_type").asText());
        assertEquals(USER, event.path("details").path("username").asText());
        assertEquals("2020-11-15T00:00:00+01:00", event.path("details").path("cutover_instant").asText());
    }

    @Test
    void afterTheCutoverTheRefusalIsInItalianForItalianBrowsers() {
        fixture.cutoverPassed();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "it");
        Page refused = citizen.submitPassword(citizen.loginPage(), USER, PASSWORD);
        assertTrue(message(refused).startsWith("Dal 15 novembre 2020 non è più possibile accedere con user ID e password né con il PIN INPS."), message(refused));
        assertTrue(message(refused).contains("SPID") && message(refused).contains("eIDAS") && message(refused).contains("Help Desk"), message(refused));
    }

    @Test
    void passwordGrantWorksBeforeTheCutoverAndIsRefusedAfterIt() {
        fixture.cutoverAhead();
        PasswordGrant.Answer before = PasswordGrant.send(fixture.realmUrl(), CutoverRealm.PASSWORD_GRANT_APP, USER, PASSWORD, "en");
        assertTrue(before.ok(), () -> "tokens before the cutover: " + before);

        fixture.cutoverPassed();
        fixture.clearEvents();
        PasswordGrant.Answer after = PasswordGrant.send(fixture.realmUrl(), CutoverRealm.PASSWORD_GRANT_APP, USER, PASSWORD, "it");
        assertEquals(400, after.status(), after::toString);
        assertEquals("invalid_grant", after.error());
        assertTrue(after.description().startsWith("Dal 15 novembre 2020 non è più possibile accedere"), after::toString);
        JsonNode event = fixture.event("LOGIN_ERROR", "cutover_refused");
        assertNotNull(event, () -> "a LOGIN_ERROR cutover_refused event: " + fixture.events("LOGIN_ERROR"));
        assertEquals("password", event.path("details").path("credential_type").asText());
        assertEquals(CutoverRealm.PASSWORD_GRANT_APP, event.path("clientId").asText());
    }

    @Test
    void switchingTheCutoverOffRestoresThePasswordEverywhereWithoutANotice() {
        fixture.cutoverPassed();
        fixture.cutoverSwitchedOff();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page login = citizen.loginPage();
        assertEquals("", message(login), "no notice when the cutover is off");
        assertTrue(reachedApp(citizen.submitPassword(login, USER, PASSWORD)));
        assertTrue(PasswordGrant.send(fixture.realmUrl(), CutoverRealm.PASSWORD_GRANT_APP, USER, PASSWORD, "en").ok());
    }

    @Test
    void aWrongPasswordBeforeTheCutoverIsStillJustAWrongPassword() {
        fixture.cutoverAhead();
        long countBefore = fixture.events("LOGIN_ERROR").findValues("error").stream().filter(e -> e.asText().equals("cutover_refused")).count();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page wrong = citizen.submitPassword(citizen.loginPage(), USER, "not-the-password");
        assertFalse(reachedApp(wrong));
        assertEquals("Invalid username or password.", wrong.document().select("#input-error-username").text());
        assertEquals(0, fixture.events("LOGIN_ERROR").findValues("error").stream().filter(e -> e.asText().equals("cutover_refused")).count()
                - countBefore, "a wrong password before the cutover is not a cutover refusal");
    }
}
