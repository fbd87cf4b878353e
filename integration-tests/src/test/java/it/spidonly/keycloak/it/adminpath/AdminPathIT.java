package it.spidonly.keycloak.it.adminpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * The administrator's path (issue 15): a realm set up only as docs/admin-guide.md says, through the admin REST API,
 * from an empty realm ({@link AdminGuideRealm}); then what citizens and legacy users meet. Each test names the
 * finding of issue 15 it guards.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPathIT {
    private static final String L2 = "https://www.spid.gov.it/SpidL2";
    private static final String L3 = "https://www.spid.gov.it/SpidL3";

    private AdminGuideRealm realm;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        realm = AdminGuideRealm.complete(keycloak, "adminpath");
    }

    @AfterAll
    void close() {
        if (realm != null) {
            realm.close();
        }
    }

    /** Finding 1: the SPID attributes are stored (the user profile declares them) and the spid scope's claims come. */
    @Test
    void aNewCitizensFirstSpidLoginStoresTheSpidAttributesAndTheIdTokenCarriesThem() throws Exception {
        OidcTestClient.Tokens tokens = new Citizen(realm).spidLoginToApp("giulia.bianchi");

        JsonNode user = realm.user("bncgli92l55f205a");
        assertNotNull(user, "the new account");
        JsonNode attributes = user.path("attributes");
        assertEquals("BNCGLI92L55F205A", attributes.path("fiscalNumber").path(0).asText(), () -> user.toString());
        assertEquals("1992-07-15", attributes.path("dateOfBirth").path(0).asText(), () -> user.toString());
        assertFalse(attributes.path("spidCode").path(0).asText().isBlank(), () -> user.toString());
        assertFalse(attributes.path("mobilePhone").path(0).asText().isBlank(), () -> user.toString());
        assertEquals("BNCGLI92L55F205A", tokens.idTokenClaims().getStringClaim("fiscal_number"));
        assertEquals("1992-07-15", tokens.idTokenClaims().getStringClaim("birthdate"));
    }

    /** Finding 2: a SPID IdP added by hand still links a legacy account by the fiscal number the admin set. */
    @Test
    void theLegacyCitizensFirstSpidLoginLandsInTheLegacyAccountWithoutAPasswordPrompt() {
        String legacyId = realm.legacyUser("mario.rossi.cliclavoro", "Cliclavoro-2015", "RSSMRA80A01H501U");

        OidcTestClient.Tokens tokens = new Citizen(realm).spidLoginToApp("mario.rossi");

        assertEquals(legacyId, tokens.idTokenClaims().getSubject().getValue(), "the legacy account");
        assertNull(realm.user("rssmra80a01h501u"), "no second account");
        JsonNode links = realm.admin().get("/" + realm.name + "/users/" + legacyId + "/federated-identity");
        assertEquals(AdminGuideRealm.IDP_ALIAS, links.path(0).path("identityProvider").asText());
    }

    /**
     * Finding 7: an L2 SPID login's level is kept for the session: a second authorization served by SSO says
     * {@code acr} SpidL2 with no SPID round trip, {@code acr_values} SpidL2 reuses it, SpidL3 makes a new SPID login.
     */
    @Test
    void ssoReuseKeepsTheSpidLevelAndAHigherLevelMakesANewSpidLogin() {
        Citizen citizen = new Citizen(realm);
        OidcTestClient.Tokens first = citizen.spidLoginToApp("giulia.bianchi", Map.of("scope", "openid spid", "acr_values", L2));
        assertEquals(L2, first.idTokenClaims().getStringClaim("acr"));
        int requests = realm.idp.receivedRequests().size();

        assertEquals(L2, citizen.ssoToApp(Map.of()).idTokenClaims().getStringClaim("acr"), "SSO reuse keeps the level");
        assertEquals(L2, citizen.ssoToApp(Map.of("acr_values", L2)).idTokenClaims().getStringClaim("acr"));
        assertEquals(requests, realm.idp.receivedRequests().size(), "no SPID round trip while the session is enough");

        OidcTestClient.Tokens stepUp = citizen.spidLoginToApp("giulia.bianchi", Map.of("acr_values", L3));
        assertEquals(requests + 1, realm.idp.receivedRequests().size(), "a new SPID login");
        assertEquals(L3, realm.idp.receivedRequests().get(requests).authnContextClassRef(), "asked at L3");
        assertEquals(L3, stepUp.idTokenClaims().getStringClaim("acr"));
        assertEquals(L3, citizen.ssoToApp(Map.of()).idTokenClaims().getStringClaim("acr"), "the stepped-up session at L3");
    }

    /** Finding 6: SPID gives no e-mail unless asked; the citizen is not stopped on "update profile". */
    @Test
    void aCitizenWithoutAnEmailGoesStraightBackToTheApp() {
        OidcTestClient.Tokens tokens = new Citizen(realm).spidLoginToApp("francesca.esposito");

        assertEquals("spsfnc75c62f839w", tokens.idTokenClaims().getStringClaim("preferred_username"));
        assertTrue(realm.user("spsfnc75c62f839w").path("email").isMissingNode());
    }

    /** Finding 11 (user events): the guide turns user events on, so a cutover refusal is an event, not only a log line. */
    @Test
    void afterTheCutoverALegacyPasswordIsRefusedAndTheRefusalIsAnEvent() {
        realm.legacyUser("anna.neri.cliclavoro", "Cliclavoro-2016", "NRIANN90D45H501Y");
        realm.cutover(LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(30) + "T00:00");
        HttpBrowser browser = new HttpBrowser().stopAt(AdminGuideRealm.REDIRECT_URI);
        OidcTestClient app = new OidcTestClient(browser, realm.realmUrl(), AdminGuideRealm.APP, AdminGuideRealm.REDIRECT_URI);
        Page login = browser.get(app.authorizationUrl(Map.of("ui_locales", "en")).toString());
        realm.cutover("2020-11-15T00:00");
        try {
            Page refused = browser.submit(login.element("form#kc-form-login"),
                    Map.of("username", "anna.neri.cliclavoro", "password", "Cliclavoro-2016"));

            assertEquals(403, refused.status(), refused::body);
            boolean event = false;
            for (JsonNode e : realm.events("LOGIN_ERROR")) {
                event |= "cutover_refused".equals(e.path("error").asText());
            }
            assertTrue(event, () -> "a LOGIN_ERROR cutover_refused event: " + realm.events("LOGIN_ERROR"));
        } finally {
            realm.admin().put("/" + realm.name + "/spid-cutover", Map.of("enabled", false));
        }
    }

    /** Issue 16, F1: a user cannot register a username shaped like someone's fiscal code, on Keycloak's own page. */
    @Test
    void registeringAUsernameShapedLikeAFiscalCodeIsRefusedOnTheRegistrationPage() {
        realm.admin().put("/" + realm.name, Map.of("registrationAllowed", true));
        try {
            for (String attempt : List.of("prshjk80a01h501q", "TINIT-PRSHJK80A01H501Q")) {
                Page refused = register(attempt, attempt.toLowerCase() + "@attacker.example");
                assertTrue(refused.body().contains("This username is reserved"), () -> attempt + ": " + refused.body());
                assertNull(realm.user(attempt.toLowerCase()), attempt + " must not exist");
            }
            Page ordinary = register("ordinary.person", "ordinary.person@example.org");
            assertTrue(ordinary.isRedirect() && ordinary.location().startsWith(AdminGuideRealm.REDIRECT_URI),
                    () -> "an ordinary username still registers: " + ordinary.body());
        } finally {
            realm.admin().put("/" + realm.name, Map.of("registrationAllowed", false));
        }
    }

    private Page register(String username, String email) {
        HttpBrowser browser = new HttpBrowser().stopAt(AdminGuideRealm.REDIRECT_URI);
        OidcTestClient app = new OidcTestClient(browser, realm.realmUrl(), AdminGuideRealm.APP, AdminGuideRealm.REDIRECT_URI);
        String url = app.authorizationUrl(Map.of("ui_locales", "en")).toString()
                .replace("/protocol/openid-connect/auth", "/protocol/openid-connect/registrations");
        Page form = browser.get(url);
        return browser.submit(form.element("form#kc-register-form"), Map.of("username", username, "email", email,
                "firstName", "Someone", "lastName", "Else", "password", "Attacker-2026!", "password-confirm", "Attacker-2026!"));
    }

    /**
     * Issue 16, F1: an account named after a fiscal code, without that fiscal number (made by an admin, or by an
     * attacker before this fix), never becomes that person's at their first SPID login: refused for the help desk.
     */
    @Test
    void anAccountNamedAfterTheFiscalCodeIsNotLinkedAtTheVictimsFirstSpidLogin(KeycloakServer keycloak) {
        List<TestUser> users = new ArrayList<>(TestUser.demoUsers());
        users.add(new TestUser("paolo.verdi", "password123", 2, Map.of("fiscalNumber", "TINIT-VRDPLA85M01F205O",
                "name", "Paolo", "familyName", "Verdi", "email", "paolo.verdi@example.org", "spidCode", "TIDP0000000097",
                "dateOfBirth", "1985-08-01")));
        try (AdminGuideRealm own = AdminGuideRealm.empty(keycloak, "adminpath-f1", users)
                .realmSettings().serviceProvider().spidIdp().app()) {
            // the bundle's flow named explicitly, as registry-made IdPs have it: what is tested is its linking rule
            String idp = "/" + own.name + "/identity-provider/instances/" + AdminGuideRealm.IDP_ALIAS;
            com.fasterxml.jackson.databind.node.ObjectNode rep = own.admin().get(idp).deepCopy();
            rep.put("firstBrokerLoginFlowAlias", "spid first broker login");
            own.admin().put(idp, rep);
            String attacker = own.admin().create("/" + own.name + "/users", Map.of("username", "vrdpla85m01f205o",
                    "enabled", true, "email", "attacker@attacker.example", "firstName", "Not", "lastName", "Paolo"));

            Page answer = new Citizen(own).spidLogin("paolo.verdi", "openid");

            assertFalse(answer.isRedirect() && answer.location().startsWith(AdminGuideRealm.REDIRECT_URI), "never into that account");
            assertEquals(409, answer.status(), answer::body);
            assertEquals(0, own.admin().get("/" + own.name + "/users/" + attacker + "/federated-identity").size(), "no link");
            JsonNode account = own.admin().get("/" + own.name + "/users/" + attacker);
            assertTrue(account.path("attributes").path("fiscalNumber").isMissingNode(), account::toString);
            assertEquals("Not", account.path("firstName").asText(), "the attacker's account is not given the victim's data");
            boolean event = false;
            for (JsonNode e : own.events("IDENTITY_PROVIDER_FIRST_LOGIN_ERROR")) {
                event |= "federated_identity_account_exists".equals(e.path("error").asText());
            }
            assertTrue(event, () -> "a first-login error event: " + own.events("IDENTITY_PROVIDER_FIRST_LOGIN_ERROR"));
        }
    }

    /**
     * Finding 3: a SPID IdP created through the admin REST API without {@code trustEmail} (what import-config answers)
     * and with the SPID first-login flow named: the new citizen's first login works and leaves one complete account.
     */
    @Test
    void anIdpCreatedWithoutTrustEmailLogsANewCitizenIn(KeycloakServer keycloak) {
        try (AdminGuideRealm own = AdminGuideRealm.empty(keycloak, "adminpath-trust", TestUser.demoUsers())
                .realmSettings().serviceProvider().app()) {
            JsonNode parsed = own.admin().post("/" + own.name + "/identity-provider/import-config",
                    Map.of("providerId", "spid-saml", "fromUrl", own.idp.metadataUrl()));
            own.admin().post("/" + own.name + "/identity-provider/instances", Map.of("alias", AdminGuideRealm.IDP_ALIAS,
                    "providerId", "spid-saml", "enabled", true, "firstBrokerLoginFlowAlias", "spid first broker login",
                    "config", new com.fasterxml.jackson.databind.ObjectMapper().convertValue(parsed, Map.class)));

            OidcTestClient.Tokens tokens = new Citizen(own).spidLoginToApp("mario.rossi");

            JsonNode user = own.user("rssmra80a01h501u");
            assertEquals(user.path("id").asText(), tokens.idTokenClaims().getSubject().getValue());
            assertEquals(1, own.admin().get("/" + own.name + "/users/" + user.path("id").asText() + "/federated-identity").size());
        }
    }

    /**
     * The app's logout (OIDC RP-initiated, with {@code post_logout_redirect_uri}) goes through the SPID IdP's single
     * logout and back to the app, with the client exactly as the guide's step 6 creates it: no post-logout redirect
     * URIs are needed (the realm template set some, which the guide does not).
     */
    @Test
    void theAppsLogoutEndsAtTheIdpAndReturnsToTheApp() {
        Citizen citizen = new Citizen(realm);
        OidcTestClient.Tokens tokens = citizen.spidLoginToApp("giulia.bianchi");

        Page toIdp = citizen.browser.get(realm.realmUrl() + "/protocol/openid-connect/logout?client_id=" + AdminGuideRealm.APP
                + "&id_token_hint=" + tokens.idToken() + "&post_logout_redirect_uri=" + AdminGuideRealm.REDIRECT_URI);
        assertTrue(toIdp.status() == 200 && !toIdp.body().isBlank(), () -> "the LogoutRequest to the IdP: " + toIdp + "\n" + toIdp.body());
        Page idpAnswer = citizen.browser.submit(toIdp.element("form"));
        Page back = citizen.browser.submit(idpAnswer.element("form"));

        assertTrue(back.isRedirect() && back.location().startsWith(AdminGuideRealm.REDIRECT_URI), () -> back + "\n" + back.body());
    }
}
