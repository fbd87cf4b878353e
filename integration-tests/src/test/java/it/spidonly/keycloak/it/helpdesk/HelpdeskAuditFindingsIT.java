package it.spidonly.keycloak.it.helpdesk;

import static it.spidonly.keycloak.it.helpdesk.HelpdeskCitizen.message;
import static it.spidonly.keycloak.it.helpdesk.HelpdeskCitizen.reachedApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskAdminSetup;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskApi;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskOperatorLogin;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskRealm;
import it.spidonly.keycloak.testsupport.helpdesk.Proofings;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 16 (F4, N1, N2, N10) and issue 15 (help desk set up from the console's settings page, the activation
 * e-mail's subject) on the real Keycloak, in a realm made only by the admin guide's REST steps.
 */
class HelpdeskAuditFindingsIT extends HelpdeskRealmPerClass {
    private static final String PASSWORD = "correct horse battery staple";

    @Override
    HelpdeskFixture helpdeskRealm(KeycloakServer keycloak, GreenMailExtension mail) {
        return HelpdeskFixture.setUpByAdmin(keycloak, mail, "helpdesk-admin-made", "P2Y");
    }

    /** N2: the page's HTML, not only its script and style, carries the strict headers docs/helpdesk.md names. */
    @Test
    void theOperatorsPageHtmlCarriesTheStrictContentSecurityPolicy() {
        for (String url : List.of(HelpdeskRealm.consoleUrl(fixture.keycloak.baseUrl(), fixture.realm),
                HelpdeskRealm.consoleUrl(fixture.keycloak.baseUrl(), fixture.realm) + "index.html")) {
            Page html = new HttpBrowser().get(url);
            assertEquals(200, html.status(), url);
            assertTrue(html.header("Content-Type").orElse("").startsWith("text/html"), url);
            String csp = html.header("Content-Security-Policy").orElse("");
            assertTrue(csp.startsWith("default-src 'self'; script-src 'self'"), () -> url + " CSP: " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'") && csp.contains("base-uri 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline"), csp);
            assertEquals(List.of("DENY"), html.headers().allValues("X-Frame-Options"), url);
            assertEquals("nosniff", html.header("X-Content-Type-Options").orElse(""), url);
            assertEquals("no-referrer", html.header("Referrer-Policy").orElse(""), url);
            assertEquals("no-store", html.header("Cache-Control").orElse(""), url);
        }
    }

    /** N1: an operator who has an authenticator app but logged in with the password alone is refused. */
    @Test
    void aPasswordOnlyTokenOfAnOperatorWithOtpIsRefused() {
        String client = "password-only-app";
        passwordOnlyClient(client);
        HelpdeskOperatorLogin operator = HelpdeskOperatorLogin.of(fixture.keycloak.baseUrl(), fixture.realm, HelpdeskRealm.OPERATOR_ONE,
                HelpdeskRealm.OPERATOR_PASSWORD);
        String redirect = "http://127.0.0.1:1/password-only";
        String token = operator.finish(operator.afterPassword(client, redirect));
        HelpdeskApi passwordOnly = HelpdeskApi.withToken(fixture.keycloak.baseUrl(), fixture.realm, token).language("it");
        String email = HelpdeskFixture.newEmail("weak-token");
        HelpdeskApi.Answer refused = passwordOnly.post("/records", Proofings.usPassport(email));
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("helpdesk.auth.second-factor", refused.error());
        assertEquals(0, fixture.usersWithEmail(email), "nothing recorded");
        assertEquals(403, passwordOnly.get("/records?state=PENDING").status(), "nor read");

        HelpdeskApi.Answer withOtp = fixture.one.get("/records?state=PENDING");
        assertEquals(200, withOtp.status(), withOtp::toString);
    }

    /** F4: during a lockout the right password of a revoked credential gets the answer of a wrong one. */
    @Test
    void duringALockoutTheRightPasswordOfARevokedCredentialTellsNothing() {
        HelpdeskFixture.Activation activation = fixture.issued(HelpdeskFixture.newEmail("locked-revoked"));
        new HelpdeskCitizen(fixture, "en").activate(activation, PASSWORD);
        HelpdeskApi.Answer revoked = fixture.one.post("/records/" + activation.recordId() + "/revoke", Map.of("reason", "document stolen"));
        assertEquals(200, revoked.status(), revoked::toString);

        HelpdeskCitizen attacker = new HelpdeskCitizen(fixture, "en");
        Page wrong = null;
        for (int i = 0; i < 6; i++) {
            wrong = attacker.submit(attacker.loginPage(), activation.username(), "guess number " + i);
            assertEquals("Invalid username or password.", message(wrong));
        }
        assertTrue(fixture.bruteForce(activation.recordId()).path("disabled").asBoolean(),
                () -> "failures of a revoked user are counted up to a lockout: " + fixture.bruteForce(activation.recordId()));
        Page right = attacker.submit(attacker.loginPage(), activation.username(), PASSWORD);
        assertEquals(wrong.status(), right.status(), "same status as a wrong password");
        assertEquals("Invalid username or password.", message(right), "no 'revoked' during the lockout");
        assertFalse(right.body().contains("revoked"), "the page does not tell");
    }

    /** N10: leaving at the password step keeps the code; completing uses it up and forgets the failures. */
    @Test
    void anAbandonedActivationKeepsTheCodeAndACompletedOneResetsTheFailures() {
        HelpdeskFixture.Activation activation = fixture.issued(HelpdeskFixture.newEmail("abandon"));
        HelpdeskCitizen typo = new HelpdeskCitizen(fixture, "en");
        assertEquals("Invalid username or password.", message(typo.submit(typo.loginPage(), activation.username(), "WRONG-CODE-0000")));
        assertEquals(1, fixture.failuresOnceSettled(activation.recordId(), 1));

        HelpdeskCitizen leaves = new HelpdeskCitizen(fixture, "en");
        Page passwordPage = leaves.submit(leaves.loginPage(), activation.username(), activation.code());
        assertNotNull(passwordPage.document().selectFirst("form#kc-passwd-update-form"), "the code opens the password page");

        HelpdeskCitizen leavesAtTotp = new HelpdeskCitizen(fixture, "en");
        Page again = leavesAtTotp.submit(leavesAtTotp.loginPage(), activation.username(), activation.code());
        assertNotNull(again.document().selectFirst("form#kc-passwd-update-form"), () -> "the code still works: " + message(again));
        Page totp = leavesAtTotp.setPassword(again, PASSWORD, PASSWORD);
        assertNotNull(totp.document().selectFirst("form#kc-totp-settings-form"), () -> "TOTP page: " + message(totp));

        HelpdeskCitizen comesBack = new HelpdeskCitizen(fixture, "en");
        comesBack.activate(activation, PASSWORD);
        assertEquals(0, fixture.failuresOnceSettled(activation.recordId(), 0), "success resets the counter");
        assertFalse(fixture.one.get("/records/" + activation.recordId()).body().path("activationPending").asBoolean(), "the code is used up");
        HelpdeskCitizen replay = new HelpdeskCitizen(fixture, "en");
        assertEquals("Invalid username or password.", message(replay.submit(replay.loginPage(), activation.username(), activation.code())));
        new HelpdeskCitizen(fixture, "en").sameAppAs(comesBack).login(activation.username(), PASSWORD);
    }

    /** Issue 15: a realm made in the console has an empty display name; the subject used to start with ": ". */
    @Test
    void theActivationMailSubjectNamesTheRealmWhenItsDisplayNameIsEmpty() {
        ObjectNode rep = (ObjectNode) fixture.keycloak.admin().get("/" + fixture.realm);
        rep.put("displayName", "");
        fixture.keycloak.admin().put("/" + fixture.realm, rep);
        String email = HelpdeskFixture.newEmail("subject");
        fixture.issued(email);
        assertEquals(fixture.realm + ": your Help Desk credentials", fixture.lastSubjectTo(email));
    }

    /** Issue 15: the settings page (component spid-helpdesk) is all the login page needs; bad values are refused. */
    @Test
    void theSettingsPageDrivesTheLoginPageEntryAndRefusesBadValues() {
        JsonNode attributes = fixture.keycloak.admin().get("/" + fixture.realm).path("attributes");
        assertEquals("form", attributes.path("spidOnly.helpdeskEntry").asText());
        HelpdeskCitizen citizen = new HelpdeskCitizen(fixture, "en");
        // no cutover here: the help-desk section points to the page's one credentials form (theme, issue 15)
        org.jsoup.nodes.Document login = citizen.loginPage().document();
        assertNotNull(login.selectFirst("#helpdesk-entry"), "the entry is on the login page");
        assertNotNull(login.selectFirst("form#kc-form-login"), "with the credentials form it points to");

        HttpResponse<String> second = fixture.keycloak.admin().send("POST", "/" + fixture.realm + "/components", settings("form", "P2Y"));
        assertEquals(400, second.statusCode(), second::body);
        // Keycloak words component refusals in the realm's default language (Italian here)
        assertTrue(second.body().contains("ha gi\u00e0 le impostazioni dell'help desk") || second.body().contains("already has help-desk settings"), second::body);

        JsonNode page = settingsComponent();
        ObjectNode bad = page.deepCopy();
        bad.putObject("config").putArray("credentialMaxValidity").add("two years");
        HttpResponse<String> refused = fixture.keycloak.admin().send("PUT", "/" + fixture.realm + "/components/" + page.path("id").asText(), bad);
        assertEquals(400, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("two years") && (refused.body().contains("non \u00e8 un periodo") || refused.body().contains("is not an ISO-8601 period")), refused::body);

        ObjectNode none = page.deepCopy();
        ((ObjectNode) none.path("config")).putArray("loginEntry").add("none");
        fixture.keycloak.admin().put("/" + fixture.realm + "/components/" + page.path("id").asText(), none);
        try {
            assertTrue(fixture.keycloak.admin().get("/" + fixture.realm).path("attributes").path("spidOnly.helpdeskEntry").isMissingNode());
            assertTrue(new HelpdeskCitizen(fixture, "en").loginPage().document().selectFirst("#helpdesk-entry") == null, "no entry");
        } finally {
            fixture.keycloak.admin().put("/" + fixture.realm + "/components/" + page.path("id").asText(), page);
        }
        assertNotNull(new HelpdeskCitizen(fixture, "en").loginPage().document().selectFirst("#helpdesk-entry"), "the entry is back");
    }

    private JsonNode settingsComponent() {
        for (JsonNode c : fixture.keycloak.admin().get("/" + fixture.realm + "/components?type=" + HelpdeskAdminSetup.UI_PAGE_PROVIDER_TYPE)) {
            if ("spid-helpdesk".equals(c.path("providerId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no spid-helpdesk component");
    }

    private Map<String, Object> settings(String entry, String cap) {
        return Map.of("name", "help desk 2", "providerId", "spid-helpdesk", "providerType", HelpdeskAdminSetup.UI_PAGE_PROVIDER_TYPE,
                "parentId", fixture.keycloak.admin().get("/" + fixture.realm).path("id").asText(),
                "config", Map.of("loginEntry", List.of(entry), "credentialMaxValidity", List.of(cap)));
    }

    /** A client whose browser flow asks the password only (an app of the realm that is not the operators'). */
    private void passwordOnlyClient(String clientId) {
        var admin = fixture.keycloak.admin();
        String r = "/" + fixture.realm;
        String flowId = admin.create(r + "/authentication/flows", Map.of("alias", "password only", "providerId", "basic-flow", "topLevel", true, "builtIn", false));
        admin.post(r + "/authentication/flows/password%20only/executions/execution", Map.of("provider", "auth-username-password-form"));
        for (JsonNode e : admin.get(r + "/authentication/flows/password%20only/executions")) {
            admin.put(r + "/authentication/flows/password%20only/executions", ((ObjectNode) e).put("requirement", "REQUIRED"));
        }
        admin.post(r + "/clients", Map.of("clientId", clientId, "publicClient", true, "standardFlowEnabled", true,
                "redirectUris", List.of("http://127.0.0.1:1/password-only"),
                "attributes", Map.of("pkce.code.challenge.method", "S256", "login_theme", "keycloak.v2"),
                "authenticationFlowBindingOverrides", Map.of("browser", flowId)));
    }
}
