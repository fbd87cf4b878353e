package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.TestUser;

/**
 * What Keycloak did with a SPID response, seen from outside: the page, the browser's cookies, the realm's user
 * sessions and its login error events (LOGIN_ERROR is saved by default; the test realm has events on).
 */
final class SpidOutcomes {
    private final SpidRealmFixture fixture;

    SpidOutcomes(SpidRealmFixture fixture) {
        this.fixture = fixture;
    }

    static TestUser user(String username) {
        return TestUser.demoUsers().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    /** Active user sessions of the realm, all clients. */
    int activeSessions() {
        int total = 0;
        for (JsonNode client : fixture.keycloak.admin().get("/" + fixture.name() + "/client-session-stats")) {
            total += client.path("active").asInt();
        }
        return total;
    }

    /** The latest LOGIN_ERROR event since {@code sinceMillis} whose reason is {@code reason}, or null. */
    JsonNode loginError(String reason, long sinceMillis) {
        for (JsonNode event : fixture.keycloak.admin().get("/" + fixture.name() + "/events?type=LOGIN_ERROR&max=200")) {
            if (event.path("time").asLong() >= sinceMillis && reason.equals(event.path("details").path("reason").asText())) {
                return event;
            }
        }
        return null;
    }

    /**
     * Refused: HTTP 400, no redirect to the app, no code, no new session, an event naming the rule, and (when
     * {@code driver} is given) no SSO cookie in the browser.
     */
    void assertRefused(String what, Page answer, String ruleId, long since, int sessionsBefore, SpidLoginDriver driver) {
        assertEquals(400, answer.status(), () -> what + ": " + answer + "\n" + answer.body());
        assertNoLogin(what, answer, sessionsBefore);
        if (driver != null) {
            assertNoSsoCookie(what, driver);
        }
        JsonNode event = loginError(ruleId, since);
        assertNotNull(event, () -> what + ": no LOGIN_ERROR event with reason " + ruleId);
        assertEquals("invalid_saml_response", event.path("error").asText(), what);
    }

    /** A SPID error status: the 403 page naming the code, no code for the app, no session, an event naming the code. */
    void assertIdpErrorPage(String what, Page answer, String messageKey, long since, int sessionsBefore, SpidLoginDriver driver) {
        assertEquals(403, answer.status(), () -> what + ": " + answer + "\n" + answer.body());
        assertEquals(messageKey, answer.element("#spid-error").attr("data-spid-error"), what);
        assertNoLogin(what, answer, sessionsBefore);
        assertNoSsoCookie(what, driver);
        JsonNode event = loginError(messageKey, since);
        assertNotNull(event, () -> what + ": no LOGIN_ERROR event with reason " + messageKey);
        assertEquals("identity_provider_error", event.path("error").asText(), what);
    }

    /** No redirect to the app with a code, and no new user session in the realm. */
    void assertNoLogin(String what, Page answer, int sessionsBefore) {
        assertFalse(answer.isRedirect(), () -> what + ": " + answer);
        assertEquals(sessionsBefore, activeSessions(), () -> what + ": a user session was created");
    }

    /** The browser holds no Keycloak SSO session and was never sent to the app (not for a replay: the first use logged in). */
    void assertNoSsoCookie(String what, SpidLoginDriver driver) {
        assertTrue(driver.browser.history().stream().noneMatch(url -> url.startsWith(SpidRealmFixture.REDIRECT_URI)), what);
        Map<String, String> cookies = driver.browser.cookiesFor(fixture.realmUrl() + "/");
        assertFalse(cookies.containsKey("KEYCLOAK_IDENTITY") || cookies.containsKey("KEYCLOAK_SESSION"), () -> what + ": " + cookies.keySet());
    }

    /** Accepted: the browser is sent back to the app with a code. */
    static void assertAccepted(String what, Page answer) {
        assertTrue(answer.isRedirect() && answer.location().startsWith(SpidRealmFixture.REDIRECT_URI)
                && answer.location().contains("code="), () -> what + ": " + answer + "\n" + answer.body());
    }
}
