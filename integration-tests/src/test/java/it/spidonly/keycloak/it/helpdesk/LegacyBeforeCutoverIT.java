package it.spidonly.keycloak.it.helpdesk;

import static it.spidonly.keycloak.it.helpdesk.HelpdeskCitizen.message;
import static it.spidonly.keycloak.it.helpdesk.HelpdeskCitizen.reachedApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * An administration that sets up the help desk before its SPID-only cutover (docs/admin-guide.md, "Help desk", from
 * an empty realm, then the cutover by admin REST) keeps its legacy accounts working until the instant: on the
 * realm's one login page, username and password, no OTP step; from the instant the cutover refuses the password as
 * it does elsewhere. Help-desk users keep their OTP, always. The kind of account comes from the server, never from
 * the username.
 */
class LegacyBeforeCutoverIT extends HelpdeskRealmPerClass {
    private static final String AHEAD = "2099-11-15T00:00";
    private static final String PASSED = "2020-11-15T00:00";
    private static final String LEGACY_PASSWORD = "Cliclavoro-2019";
    private static final String HELPDESK_PASSWORD = "correct horse battery staple";
    private static final String INVALID = "Invalid username or password.";
    private static final String REFUSED_EN = "Since 15 November 2020 you can no longer sign in with a user ID and password or with the INPS PIN. "
            + "Sign in with SPID; citizens of other EU countries can use eIDAS; if you can use neither, contact the Ministry's Help Desk.";
    private static final String REFUSED_IT = "Dal 15 novembre 2020 non è più possibile accedere con user ID e password né con il PIN INPS.";

    @Override
    HelpdeskFixture helpdeskRealm(KeycloakServer keycloak, GreenMailExtension mail) {
        return HelpdeskFixture.setUpByAdmin(keycloak, mail, "helpdesk-legacy", "P2Y");
    }

    @BeforeEach
    void cutoverAhead() {
        cutoverAt(AHEAD);
    }

    @Test
    void beforeTheInstantALegacyAccountLogsInOnTheLoginPageWithoutOtpAndSeesTheNotice() {
        // a username shaped like a help-desk one or like a fiscal code is still an ordinary account
        for (String username : List.of("lucia.ferrari", "hd-abcd2345", "rssmra80a01h501u")) {
            legacyUser(username);
            HelpdeskCitizen lucia = new HelpdeskCitizen(fixture, "en");
            Page login = lucia.loginPage();
            assertEquals("before", login.element("#spid-only-login").attr("data-cutover-phase"), "the page knows the cutover is ahead");
            assertTrue(login.element("#cutover-notice").text().contains("15 November 2099"), () -> "the cutover's notice: " + login.element("#cutover-notice").text());

            Page end = lucia.submit(login, username, LEGACY_PASSWORD);
            assertTrue(reachedApp(end), () -> username + ": back at the app, no OTP page: " + end + "\n" + message(end));
            OidcTestClient.Tokens tokens = lucia.app.exchange(end.location());
            assertEquals(username, tokens.idTokenClaims().getStringClaim("preferred_username"));
            assertNotEquals(HelpdeskCredentialsIT.HELPDESK_ACR, tokens.idTokenClaims().getStringClaim("acr"), "not a help-desk login");
        }
    }

    @Test
    void fromTheInstantTheLegacyPasswordIsRefusedWithTheCutoversMessageAndEvent() {
        String id = legacyUser("marco.bianchi");
        cutoverAt(PASSED);
        HelpdeskCitizen marco = new HelpdeskCitizen(fixture, "en");
        Page login = marco.loginPage();
        assertEquals("after", login.element("#spid-only-login").attr("data-cutover-phase"));
        Page refused = marco.submit(login, "marco.bianchi", LEGACY_PASSWORD);
        assertFalse(reachedApp(refused), refused::toString);
        assertNull(refused.document().selectFirst("form#kc-otp-login-form"), "no OTP page");
        assertEquals(403, refused.status(), refused::toString);
        assertEquals(REFUSED_EN, message(refused));

        HelpdeskCitizen italian = new HelpdeskCitizen(fixture, "it");
        Page rifiutata = italian.submit(italian.loginPage(), "marco.bianchi", LEGACY_PASSWORD);
        assertEquals(403, rifiutata.status(), rifiutata::toString);
        assertTrue(message(rifiutata).startsWith(REFUSED_IT), message(rifiutata));

        List<JsonNode> refusals = StreamSupport.stream(fixture.loginEvents().spliterator(), false)
                .filter(e -> "LOGIN_ERROR".equals(e.path("type").asText()) && "cutover_refused".equals(e.path("error").asText())
                        && id.equals(e.path("userId").asText()))
                .toList();
        assertEquals(2, refusals.size(), () -> "one cutover_refused event per attempt: " + fixture.loginEvents());
        JsonNode details = refusals.get(0).path("details");
        assertEquals("password", details.path("credential_type").asText(), details::toString);
        assertEquals("2020-11-15T00:00:00+01:00", details.path("cutover_instant").asText(), details::toString);
        assertEquals("marco.bianchi", details.path("username").asText(), details::toString);
        assertEquals(0, fixture.failuresOnceSettled(id, 0), "nothing was checked: not a failed login");

        HelpdeskCitizen stranger = new HelpdeskCitizen(fixture, "en");
        Page unknown = stranger.submit(stranger.loginPage(), "nessuno.qui", LEGACY_PASSWORD);
        assertEquals(403, unknown.status(), "an unknown user gets the same answer: no legacy account is revealed");
        assertEquals(REFUSED_EN, message(unknown));
    }

    @Test
    void aHelpdeskUserIsAlwaysAskedForOtpAndAKeycloakPasswordOpensNothing() {
        HelpdeskFixture.Activation activation = fixture.issued(HelpdeskFixture.newEmail("otp-always"));
        HelpdeskCitizen first = new HelpdeskCitizen(fixture, "en");
        first.activate(activation, HELPDESK_PASSWORD);
        // a Keycloak password on the help-desk account (an admin's, or the account console's "set up password")
        fixture.keycloak.admin().put("/" + fixture.realm + "/users/" + activation.recordId() + "/reset-password",
                Map.of("type", "password", "value", LEGACY_PASSWORD, "temporary", false));

        for (String instant : List.of(AHEAD, PASSED)) {
            cutoverAt(instant);
            HelpdeskCitizen again = new HelpdeskCitizen(fixture, "en").sameAppAs(first);
            Page afterPassword = again.submit(again.loginPage(), activation.username(), HELPDESK_PASSWORD);
            assertFalse(reachedApp(afterPassword), instant + ": not in with the password alone");
            assertNotNull(afterPassword.document().selectFirst("form#kc-otp-login-form"), () -> instant + ": the OTP page: " + message(afterPassword));
            if (instant.equals(PASSED)) {
                Page end = again.otp(afterPassword);
                assertTrue(reachedApp(end), () -> "with the code, in: " + message(end));
                assertEquals(HelpdeskCredentialsIT.HELPDESK_ACR, again.app.exchange(end.location()).idTokenClaims().getStringClaim("acr"));
            }

            // after the successful steps: two failures within a second would trip Keycloak's quick-login lockout
            HelpdeskCitizen withKeycloakPassword = new HelpdeskCitizen(fixture, "en");
            Page refused = withKeycloakPassword.submit(withKeycloakPassword.loginPage(), activation.username(), LEGACY_PASSWORD);
            assertFalse(reachedApp(refused), instant);
            assertNull(refused.document().selectFirst("form#kc-otp-login-form"), instant + ": the Keycloak password is not a help-desk secret");
            assertEquals(INVALID, message(refused), instant);
        }
    }

    @Test
    void aWrongLegacyPasswordGetsTheSamePageAsAnUnknownUserAndCounts() {
        String id = legacyUser("giulia.verdi");
        HelpdeskCitizen someone = new HelpdeskCitizen(fixture, "en");
        Page wrong = someone.submit(someone.loginPage(), "giulia.verdi", "not the password");
        Page unknown = someone.submit(someone.loginPage(), "nessuno.qui", "not the password");
        assertFalse(reachedApp(wrong));
        assertEquals(INVALID, message(wrong));
        assertEquals(message(unknown), message(wrong));
        assertEquals(unknown.status(), wrong.status());
        assertEquals(unknown.element("#spid-only-login").text(), wrong.element("#spid-only-login").text(), "the same page");
        assertEquals(1, fixture.failuresOnceSettled(id, 1), "counted by Keycloak's brute-force detection");
        String events = fixture.loginEvents().toString();
        assertTrue(events.contains("invalid_user_credentials") && events.contains(id), events);
    }

    private void cutoverAt(String localDateTime) {
        fixture.keycloak.admin().put("/" + fixture.realm + "/spid-cutover",
                Map.of("enabled", true, "cutoverAt", localDateTime, "timeZone", "Europe/Rome"));
    }

    /** A legacy cliclavoro account as an import makes it: Keycloak's password, no help-desk record. */
    private String legacyUser(String username) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@cliclavoro.example");
        user.put("emailVerified", true);
        user.put("firstName", "Legacy");
        user.put("lastName", "Account");
        user.put("credentials", List.of(Map.of("type", "password", "value", LEGACY_PASSWORD, "temporary", false)));
        return fixture.keycloak.admin().create("/" + fixture.realm + "/users", user);
    }
}
