package it.spidonly.keycloak.it.cutover;

import static it.spidonly.keycloak.it.cutover.LegacyLoginDriver.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * An admin cannot get round the cutover by binding another flow: flows made in the console with the password form,
 * a copy of Keycloak's direct-grant flow, HTTP Basic authentication, "forgot password". What the cutover must not
 * touch keeps working: the master realm's admins and service accounts.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CutoverBypassIT {
    private static final String USER = "paolo.conti";
    private static final String PASSWORD = "Cliclavoro-2019";
    private static final String OWN_APP = "admins-own-app";
    private static final String OWN_REDIRECT = "http://127.0.0.1:1/own-app";
    private CutoverFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = CutoverFixture.create(keycloak, "cutover-bypass");
        fixture.legacyUser(USER, PASSWORD, null);
        fixture.createApp(OWN_APP, OWN_REDIRECT);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aFlowMadeByAnAdminWithTheUsernameFormAndThePasswordFormIsRefusedToo() {
        fixture.createFlow("admins-username-then-password", "auth-username-form", "auth-password-form");
        fixture.bindBrowserFlow(OWN_APP, "admins-username-then-password");

        fixture.cutoverAhead();
        assertTrue(usernameThenPassword().isRedirect(), "works before the cutover");

        fixture.cutoverPassed();
        fixture.clearEvents();
        Page refused = usernameThenPassword();
        assertFalse(refused.isRedirect(), refused.toString());
        assertEquals(403, refused.status());
        assertTrue(message(refused).startsWith("Since 15 November 2020 you can no longer sign in"), message(refused));
        JsonNode event = fixture.event("LOGIN_ERROR", "cutover_refused");
        assertNotNull(event);
        assertEquals(OWN_APP, event.path("clientId").asText());
    }

    @Test
    void aCopyOfKeycloaksDirectGrantFlowIsRefusedToo() {
        fixture.admin().post("/" + fixture.name + "/authentication/flows/direct%20grant/copy", Map.of("newName", "admins-direct-grant"));
        fixture.bindDirectGrantFlow(OWN_APP, "admins-direct-grant");

        fixture.cutoverAhead();
        assertTrue(PasswordGrant.send(fixture.realmUrl(), OWN_APP, USER, PASSWORD, "en").ok());

        fixture.cutoverPassed();
        PasswordGrant.Answer refused = PasswordGrant.send(fixture.realmUrl(), OWN_APP, USER, PASSWORD, "en");
        assertEquals(400, refused.status());
        assertTrue(refused.description().startsWith("Since 15 November 2020"), refused::toString);
    }

    @Test
    void httpBasicAuthenticationThatThisModuleDoesNotTakeOverIsStoppedWhereThePasswordIsChecked() {
        fixture.createFlow("admins-http-basic", "http-basic-authenticator");
        fixture.bindBrowserFlow(OWN_APP, "admins-http-basic");
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        fixture.cutoverAhead();
        Page before = appWithHeader("Authorization", basic);
        assertTrue(before.isRedirect() && before.location().startsWith(OWN_REDIRECT) && before.location().contains("code="), before.toString());

        fixture.cutoverPassed();
        fixture.clearEvents();
        Page after = appWithHeader("Authorization", basic);
        assertFalse(after.isRedirect() && after.location().contains("code="), after.toString());
        assertEquals(401, after.status());
        JsonNode event = fixture.event("LOGIN_ERROR", "cutover_refused");
        assertNotNull(event, () -> "the credential backstop records the refusal: " + fixture.events("LOGIN_ERROR"));
        assertEquals("password", event.path("details").path("credential_type").asText());
    }

    @Test
    void forgotPasswordIsClosedFromTheCutoverBecauseItEndsInALogin() {
        fixture.cutoverAhead();
        LegacyLoginDriver citizen = new LegacyLoginDriver(fixture, "en");
        Page resetBefore = citizen.browser.get(citizen.loginPage().element("a[href*=reset-credentials]").absUrl("href"));
        assertEquals(200, resetBefore.status());
        assertNotNull(resetBefore.document().selectFirst("form#kc-reset-password-form"), resetBefore.body());

        fixture.cutoverPassed();
        fixture.clearEvents();
        LegacyLoginDriver another = new LegacyLoginDriver(fixture, "it");
        Page resetAfter = another.browser.get(another.loginPage().element("a[href*=reset-credentials]").absUrl("href"));
        assertEquals(403, resetAfter.status());
        assertTrue(resetAfter.body().contains("Dal 15 novembre 2020 non è più possibile accedere con user ID e password"), resetAfter.body());
        assertNotNull(fixture.event("RESET_PASSWORD_ERROR", "cutover_refused"), () -> fixture.events("RESET_PASSWORD_ERROR").toString());
    }

    @Test
    void keycloaksOwnFirstLoginFlowCannotConfirmAnAccountLinkWithALegacyPassword() {
        // an account that Keycloak's own first-login flow matches on e-mail, not on fiscal number
        fixture.legacyUser("m.rossi.legacy", PASSWORD, null);
        String userId = fixture.admin().findUserByUsername(fixture.name, "m.rossi.legacy").path("id").asText();
        fixture.admin().put("/" + fixture.name + "/users/" + userId, Map.of("email", "mario.rossi@example.org"));
        String idpPath = "/" + fixture.name + "/identity-provider/instances/" + CutoverFixture.IDP_ALIAS;
        com.fasterxml.jackson.databind.node.ObjectNode idp = fixture.admin().get(idpPath).deepCopy();
        // a copy of Keycloak's flow: the bundle replaces the stock one itself on a SPID IdP, never an admin's own flow
        String copy = "keycloak first broker login " + System.nanoTime();
        fixture.admin().post("/" + fixture.name + "/authentication/flows/first%20broker%20login/copy", Map.of("newName", copy));
        idp.put("firstBrokerLoginFlowAlias", copy);
        fixture.admin().put(idpPath, idp);
        fixture.cutoverPassed();
        fixture.clearEvents();

        HttpBrowser browser = new HttpBrowser().stopAt(CutoverFixture.REDIRECT_URI);
        OidcTestClient app = new OidcTestClient(browser, fixture.realmUrl(), CutoverFixture.APP, CutoverFixture.REDIRECT_URI);
        Page toIdp = browser.get(app.authorizationUrl(Map.of("kc_idp_hint", CutoverFixture.IDP_ALIAS)).toString());
        Page idpLogin = browser.submit(toIdp.element("form"));
        Page autoPost = browser.submit(idpLogin.element("form"), Map.of("username", "mario.rossi", "password", "password123"));
        Page confirm = browser.submit(autoPost.element("form"));
        Page reauthentication = browser.submit(confirm.element("form"), Map.of("submitAction", "linkAccount"));
        if (reauthentication.document().selectFirst("form#kc-form-login input#password") == null) {
            // Keycloak 26.7.5 keeps the "account already exists" page here (26.7.4 asked for the password): no way
            // to offer a legacy password at all; what matters is the same: no login, no link
            assertFalse(reauthentication.isRedirect() && reauthentication.location().startsWith(CutoverFixture.REDIRECT_URI),
                    reauthentication::toString);
            assertNotNull(reauthentication.document().selectFirst("#linkAccount"), reauthentication::body);
            assertEquals(0, fixture.admin().get("/" + fixture.name + "/users/" + userId + "/federated-identity").size(), "not linked");
            return;
        }

        Page refused = browser.submit(reauthentication.element("form#kc-form-login"), Map.of("username", "m.rossi.legacy", "password", PASSWORD));
        assertFalse(refused.isRedirect(), refused.toString());
        assertEquals(403, refused.status());
        assertTrue(message(refused).startsWith("Since 15 November 2020"), message(refused));
        assertEquals(0, fixture.admin().get("/" + fixture.name + "/users/" + userId + "/federated-identity").size(), "not linked");
        assertNotNull(fixture.event("IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "cutover_refused"),
                () -> "event: " + fixture.admin().get("/" + fixture.name + "/events?max=20"));
    }

    @Test
    void theMasterRealmsAdminsAndServiceAccountsAreNotAffected() {
        fixture.cutoverPassed();
        PasswordGrant.Answer admin = PasswordGrant.send(fixture.keycloak.realmUrl("master"), "admin-cli", "admin", "admin", "en");
        assertTrue(admin.ok(), "the master realm's admin logs in with a password: " + admin);

        String clientId = "ministry-batch";
        fixture.admin().post("/" + fixture.name + "/clients", Map.of("clientId", clientId, "publicClient", false,
                "secret", "batch-secret", "serviceAccountsEnabled", true, "standardFlowEnabled", false));
        JsonNode token = clientCredentials(clientId, "batch-secret");
        assertTrue(token.hasNonNull("access_token"), token::toString);
    }

    private Page usernameThenPassword() {
        HttpBrowser browser = new HttpBrowser().stopAt(OWN_REDIRECT);
        OidcTestClient app = new OidcTestClient(browser, fixture.realmUrl(), OWN_APP, OWN_REDIRECT);
        Page username = browser.get(app.authorizationUrl().toString());
        Page password = browser.submit(username.element("form#kc-form-login"), Map.of("username", USER));
        assertNotNull(password.document().selectFirst("input#password"), password.body());
        return browser.submit(password.element("form#kc-form-login"), Map.of("password", PASSWORD));
    }

    private Page appWithHeader(String header, String value) {
        HttpBrowser browser = new HttpBrowser().header(header, value).stopAt(OWN_REDIRECT);
        OidcTestClient app = new OidcTestClient(browser, fixture.realmUrl(), OWN_APP, OWN_REDIRECT);
        return browser.get(app.authorizationUrl().toString());
    }

    private JsonNode clientCredentials(String clientId, String secret) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.realmUrl() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
