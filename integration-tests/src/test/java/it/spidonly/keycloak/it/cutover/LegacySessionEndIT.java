package it.spidonly.keycloak.it.cutover;

import static it.spidonly.keycloak.it.cutover.LegacyLoginDriver.reachedApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.inps.InpsPerson;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.CutoverRealm;

/**
 * N7 (issue 16): at the cutover instant the sessions opened with a legacy password or INPS PIN end, with their refresh
 * and offline tokens; a SPID session of the same realm goes on. The admin moves the instant to the past through the
 * cutover REST API; the server's nodes look for passed instants every 2 s in the ITs (30 s by default).
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacySessionEndIT {
    private static final String USER = "paolo.neri";
    private static final String PASSWORD = "Cliclavoro-2018";
    private static final String PIN_CODE = "BNCGLI92L55F205A";
    private static final String PIN = "Pin4Giulia1";
    private CutoverFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = CutoverFixture.create(keycloak, "cutover-sessions");
        fixture.legacyUser(USER, PASSWORD, "NREPLA70A01H501Z");
        fixture.inps.add(InpsPerson.of(PIN_CODE, PIN, "Giulia", "Bianchi"));
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void atTheInstantPasswordAndPinSessionsEndAndTheirRefreshTokensFailWhileASpidSessionGoesOn() {
        fixture.cutoverAhead();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page end = citizen.submitPassword(citizen.loginPage(), USER, PASSWORD);
        assertTrue(reachedApp(end), () -> "password login before the instant: " + end);
        String browserRefresh = citizen.app.exchange(end.location()).refreshToken();
        String grantRefresh = passwordGrant("openid").refreshToken();
        String offlineRefresh = passwordGrant("openid offline_access").refreshToken();
        PasswordGrant.Answer pin = PasswordGrant.send(fixture.realmUrl(), CutoverRealm.INPS_GRANT_APP, PIN_CODE, PIN, "en");
        assertTrue(pin.ok(), pin::toString);
        String spidRefresh = fixture.spidLoginToApp("mario.rossi").refreshToken();

        assertRefreshWorks(CutoverFixture.APP, browserRefresh);
        assertRefreshWorks(CutoverRealm.PASSWORD_GRANT_APP, grantRefresh);
        assertRefreshWorks(CutoverRealm.PASSWORD_GRANT_APP, offlineRefresh);
        assertRefreshWorks(CutoverRealm.INPS_GRANT_APP, pin.refreshToken());
        String legacyId = fixture.admin().findUserByUsername(fixture.name, USER).path("id").asText();
        assertTrue(fixture.admin().get("/" + fixture.name + "/users/" + legacyId + "/sessions").size() > 0);

        fixture.cutoverPassed();

        awaitRefreshRefused(CutoverFixture.APP, browserRefresh);
        assertRefreshRefused(CutoverRealm.PASSWORD_GRANT_APP, grantRefresh);
        assertRefreshRefused(CutoverRealm.PASSWORD_GRANT_APP, offlineRefresh);
        assertRefreshRefused(CutoverRealm.INPS_GRANT_APP, pin.refreshToken());
        assertEquals(0, fixture.admin().get("/" + fixture.name + "/users/" + legacyId + "/sessions").size(), "the SSO session is gone");
        assertEquals(0, fixture.admin().get("/" + fixture.name + "/users/" + legacyId + "/offline-sessions/"
                + clientUuid(CutoverRealm.PASSWORD_GRANT_APP)).size(), "the offline session is gone");
        assertRefreshWorks(CutoverFixture.APP, spidRefresh);
        assertEquals("2020-11-15T00:00:00+01:00", fixture.admin().get("/" + fixture.name + "/spid-cutover").path("legacySessionsEndedFor").asText(),
                "recorded as done for this instant");
    }

    private PasswordGrant.Answer passwordGrant(String scope) {
        PasswordGrant.Answer answer = PasswordGrant.send(fixture.realmUrl(), CutoverRealm.PASSWORD_GRANT_APP, USER, PASSWORD, "en", scope);
        assertTrue(answer.ok(), answer::toString);
        return answer;
    }

    private void assertRefreshWorks(String clientId, String refreshToken) {
        PasswordGrant.Answer answer = RefreshGrant.send(fixture.realmUrl(), clientId, refreshToken);
        assertTrue(answer.ok(), () -> clientId + " refresh: " + answer);
    }

    private void assertRefreshRefused(String clientId, String refreshToken) {
        PasswordGrant.Answer answer = RefreshGrant.send(fixture.realmUrl(), clientId, refreshToken);
        assertEquals(400, answer.status(), () -> clientId + " refresh after the instant: " + answer);
        assertEquals("invalid_grant", answer.error());
    }

    /** Waits (up to a minute) for the nodes' next look at the realm; then the refresh must be refused. */
    private void awaitRefreshRefused(String clientId, String refreshToken) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (RefreshGrant.send(fixture.realmUrl(), clientId, refreshToken).ok() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertRefreshRefused(clientId, refreshToken);
    }

    private String clientUuid(String clientId) {
        return fixture.admin().get("/" + fixture.name + "/clients?clientId=" + clientId).get(0).path("id").asText();
    }
}
