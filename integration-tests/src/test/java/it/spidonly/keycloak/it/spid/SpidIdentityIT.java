package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** One person per fiscal number, SPID data authoritative, claims and levels for the ministry's apps. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidIdentityIT {
    private static final String SECOND_IDP = "spid-second-idp";
    private static final ObjectMapper JSON = new ObjectMapper();
    private SpidRealmFixture fixture;
    private SpidTestIdp second;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-identity", true);
        List<TestUser> users = new ArrayList<>(TestUser.demoUsers());
        // same name and e-mail as mario.rossi, another person: must never be merged with him
        users.add(new TestUser("omonimo", "password123", 2, Map.of("fiscalNumber", "TINIT-RSSMRA85T10A562S",
                "name", "Mario", "familyName", "Rossi", "email", "mario.rossi@example.org", "dateOfBirth", "1985-12-10",
                "spidCode", "TIDP0000000099")));
        users.add(new TestUser("lucia.verdi", "password123", 2, Map.of("fiscalNumber", "TINIT-VRDLCU70A41H501I",
                "name", "Lucia", "familyName", "Verdi", "dateOfBirth", "1970-01-01", "spidCode", "TIDP0000000098")));
        // a name longer than an account can hold (Keycloak keeps 255 characters)
        users.add(new TestUser("nome.lungo", "password123", 2, Map.of("fiscalNumber", "TINIT-LNGNMO80A01H501N",
                "name", "N".repeat(300), "familyName", "Lungo", "dateOfBirth", "1980-01-01", "spidCode", "TIDP0000000097")));
        // giuseppe.russo at level 2, with the e-mail his SPID identity gives changing between logins
        for (Map.Entry<String, String> email : Map.of("giuseppe.primo", "giuseppe.russo@example.org",
                "giuseppe.nuovo", "Giuseppe.Nuovo@example.org", "giuseppe.di.giulia", "giulia.bianchi@example.org").entrySet()) {
            users.add(new TestUser(email.getKey(), "password123", 2, Map.of("fiscalNumber", "TINIT-RSSGPP68S30L219J",
                    "name", "Giuseppe", "familyName", "Russo", "email", email.getValue(), "dateOfBirth", "1968-11-30",
                    "spidCode", "TIDP0000000004")));
        }
        second = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0).users(users).generatedSigningKey()
                .spMetadataUrl(fixture.metadataUrl()).build());
        JsonNode parsed = keycloak.admin().post("/" + fixture.name() + "/identity-provider/import-config",
                Map.of("providerId", "spid-saml", "fromUrl", second.metadataUrl()));
        keycloak.admin().post("/" + fixture.name() + "/identity-provider/instances",
                Map.of("alias", SECOND_IDP, "providerId", "spid-saml", "enabled", true, "trustEmail", true,
                        "firstBrokerLoginFlowAlias", "spid first broker login", "config", JSON.convertValue(parsed, Map.class)));
    }

    @AfterAll
    void close() {
        if (second != null) {
            second.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void samePersonThroughTwoIdpsIsOneUserWithTwoLinks() {
        new SpidLoginDriver(fixture).fullLogin("mario.rossi", "password123");
        String id = user("rssmra80a01h501u").path("id").asText();
        OidcTestClient.Tokens viaSecond = new SpidLoginDriver(fixture).fullLogin(SECOND_IDP, Map.of(), "mario.rossi", "password123");

        assertEquals("rssmra80a01h501u", viaSecond.idTokenClaims().getStringClaim("preferred_username"));
        JsonNode links = fixture.keycloak.admin().get("/" + fixture.name() + "/users/" + id + "/federated-identity");
        assertEquals(List.of(SECOND_IDP, SpidRealmFixture.IDP_ALIAS),
                sorted(links.findValuesAsText("identityProvider")));
    }

    @Test
    void differentFiscalNumbersNeverMergeEvenWithTheSameNameAndEmail() {
        new SpidLoginDriver(fixture).fullLogin("mario.rossi", "password123");
        new SpidLoginDriver(fixture).fullLogin(SECOND_IDP, Map.of(), "omonimo", "password123");
        JsonNode mario = user("rssmra80a01h501u");
        JsonNode namesake = user("rssmra85t10a562s");
        assertNotEquals(mario.path("id").asText(), namesake.path("id").asText());
        assertEquals("RSSMRA85T10A562S", namesake.path("attributes").path("fiscalNumber").path(0).asText());
        assertFalse(namesake.has("email"), "an e-mail already used by another account is not copied");
    }

    /**
     * SPID data is authoritative: the e-mail follows the identity's at every login, but never takes an address that
     * another account holds (an e-mail never joins two accounts). Issue 19 made the check cheaper (no lookup when the
     * address is the one the account already has); this is what it must keep.
     */
    @Test
    void theEmailFollowsSpidAtEachLoginButNeverTakesAnotherAccountsAddress() {
        new SpidLoginDriver(fixture).fullLogin("giulia.bianchi", "password123");
        new SpidLoginDriver(fixture).fullLogin(SECOND_IDP, Map.of(), "giuseppe.primo", "password123");
        assertEquals("giuseppe.russo@example.org", user("rssgpp68s30l219j").path("email").asText());
        new SpidLoginDriver(fixture).fullLogin(SECOND_IDP, Map.of(), "giuseppe.primo", "password123");
        assertEquals("giuseppe.russo@example.org", user("rssgpp68s30l219j").path("email").asText(), "the same address again");
        new SpidLoginDriver(fixture).fullLogin(SECOND_IDP, Map.of(), "giuseppe.nuovo", "password123");
        assertEquals("giuseppe.nuovo@example.org", user("rssgpp68s30l219j").path("email").asText(), "the new address");
        new SpidLoginDriver(fixture).fullLogin(SECOND_IDP, Map.of(), "giuseppe.di.giulia", "password123");
        assertEquals("giuseppe.nuovo@example.org", user("rssgpp68s30l219j").path("email").asText(), "not Giulia's address");
        assertEquals("giulia.bianchi@example.org", user("bncgli92l55f205a").path("email").asText());
    }

    @Test
    void aNameLongerThanAnAccountHoldsIsRefusedWithAClearPageAndNoAccount() {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        Page end = driver.loginAtIdp(driver.startAtIdp(SECOND_IDP), "nome.lungo", "password123");
        assertEquals(400, end.status(), () -> end + "\n" + end.body());
        assertTrue(end.body().contains("sent a value longer than this service can keep"), end::body);
        assertEquals(null, fixture.keycloak.admin().findUserByUsername(fixture.name(), "lngnmo80a01h501n"), "no account");
    }

    @Test
    void legacyAccountWithTheFiscalNumberIsLinkedWithoutAPassword() {
        fixture.keycloak.admin().post("/" + fixture.name() + "/users", Map.of("username", "lucia.legacy", "enabled", true,
                "firstName", "Lucia", "lastName", "Verdi", "attributes", Map.of("fiscalNumber", List.of("VRDLCU70A41H501I")),
                "credentials", List.of(Map.of("type", "password", "value", "old-cliclavoro-password", "temporary", false))));

        OidcTestClient.Tokens tokens = new SpidLoginDriver(fixture).fullLogin(SECOND_IDP, Map.of(), "lucia.verdi", "password123");

        assertEquals("lucia.legacy", tokens.idTokenClaims().getStringClaim("preferred_username"));
        JsonNode links = fixture.keycloak.admin().get("/" + fixture.name() + "/users/" + user("lucia.legacy").path("id").asText() + "/federated-identity");
        assertEquals("VRDLCU70A41H501I", links.path(0).path("userId").asText());
        assertTrue(fixture.keycloak.admin().findUserByUsername(fixture.name(), "vrdlcu70a41h501y") == null, "no second account");
    }

    @Test
    void spidUserHasNoLocalPasswordAndCannotChangeSpidDataInTheAccountConsole() throws Exception {
        OidcTestClient.Tokens tokens = new SpidLoginDriver(fixture).fullLogin("francesca.esposito", "password123");
        JsonNode user = user("spsfnc75c62f839w");
        assertEquals(0, fixture.keycloak.admin().get("/" + fixture.name() + "/users/" + user.path("id").asText() + "/credentials").size());

        JsonNode account = accountApi("GET", tokens.accessToken(), null);
        ((com.fasterxml.jackson.databind.node.ObjectNode) account.path("attributes")).putArray("fiscalNumber").add("XXXXXX00X00X000X");
        ((com.fasterxml.jackson.databind.node.ObjectNode) account).put("firstName", "Someone");
        HttpResponse<String> refused = accountCall("POST", tokens.accessToken(), account);
        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode after = user("spsfnc75c62f839w");
        assertEquals("SPSFNC75C62F839W", after.path("attributes").path("fiscalNumber").path(0).asText());
        assertEquals("Francesca", after.path("firstName").asText());
    }

    @Test
    void spidScopePutsTheSpidDataInTheIdTokenAndUserinfo() throws Exception {
        OidcTestClient.Tokens tokens = new SpidLoginDriver(fixture).fullLogin(SpidRealmFixture.IDP_ALIAS,
                Map.of("scope", "openid profile email spid"), "mario.rossi", "password123");
        assertEquals("RSSMRA80A01H501U", tokens.idTokenClaims().getStringClaim("fiscal_number"));
        assertEquals("1980-01-01", tokens.idTokenClaims().getStringClaim("birthdate"));
        assertEquals(SpidRealmFixture.IDP_ALIAS, tokens.idTokenClaims().getStringClaim("identity_provider"));
        assertEquals("Mario", tokens.idTokenClaims().getStringClaim("given_name"));

        HttpResponse<String> userinfo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(fixture.realmUrl() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + tokens.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("RSSMRA80A01H501U", JSON.readTree(userinfo.body()).path("fiscal_number").asText(), userinfo.body());
    }

    @Test
    void acrSaysTheLevelAchievedAndAnAppCanStepUpToLevelThree() {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        OidcTestClient.Tokens l2 = driver.fullLogin(SpidRealmFixture.IDP_ALIAS, Map.of(), "giulia.bianchi", "password123");
        assertEquals("https://www.spid.gov.it/SpidL2", l2.idTokenClaims().getStringClaim("acr"));
        assertEquals("https://www.spid.gov.it/SpidL2", driver.lastRequest().authnContextClassRef());

        OidcTestClient.Tokens l3 = driver.fullLogin(SpidRealmFixture.IDP_ALIAS,
                Map.of("acr_values", "https://www.spid.gov.it/SpidL3"), "giulia.bianchi", "password123");
        assertEquals("https://www.spid.gov.it/SpidL3", driver.lastRequest().authnContextClassRef(), "a new SPID login at L3");
        assertTrue(driver.lastRequest().forceAuthn());
        assertEquals("https://www.spid.gov.it/SpidL3", l3.idTokenClaims().getStringClaim("acr"));
    }

    @Test
    void appLogoutEndsTheKeycloakSessionAndLogsOutAtTheIdp() {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        OidcTestClient.Tokens tokens = driver.fullLogin("mario.rossi", "password123");
        String userId = user("rssmra80a01h501u").path("id").asText();
        int sessionsBefore = sessions(userId);
        assertTrue(sessionsBefore > 0);
        int logoutsBefore = fixture.idp.receivedLogoutRequests().size();

        Page toIdp = driver.browser.get(fixture.realmUrl() + "/protocol/openid-connect/logout?client_id=" + SpidRealmFixture.APP
                + "&id_token_hint=" + tokens.idToken() + "&post_logout_redirect_uri=" + SpidRealmFixture.REDIRECT_URI);
        Page idpAnswer = driver.browser.submit(toIdp.element("form"));
        assertEquals(200, idpAnswer.status(), () -> "the IdP accepted the LogoutRequest: " + idpAnswer.body());
        Page back = driver.browser.submit(idpAnswer.element("form"));

        assertTrue(back.isRedirect() && back.location().startsWith(SpidRealmFixture.REDIRECT_URI), () -> back + "\n" + back.body());
        assertEquals(logoutsBefore + 1, fixture.idp.receivedLogoutRequests().size());
        ReceivedAuthnRequest logout = fixture.idp.receivedLogoutRequests().get(logoutsBefore);
        assertTrue(logout.signatureValid(), logout.signatureProblem());
        assertEquals(fixture.idp.sloUrl(), logout.destination());
        org.w3c.dom.Element issuer = (org.w3c.dom.Element) logout.document().getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer").item(0);
        assertEquals(fixture.realm.spEntityId(), issuer.getAttribute("NameQualifier"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:entity", issuer.getAttribute("Format"));
        assertEquals(1, logout.document().getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "NameID").getLength());
        assertEquals(1, logout.document().getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:protocol", "SessionIndex").getLength());
        assertEquals(sessionsBefore - 1, sessions(userId), "this login's Keycloak session is over (other tests' sessions remain)");
    }

    @Test
    void idpInitiatedLogoutEndsTheKeycloakSession() throws Exception {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        driver.fullLogin("giulia.bianchi", "password123");
        String userId = user("bncgli92l55f205a").path("id").asText();
        int sessionsBefore = sessions(userId);
        org.w3c.dom.Document response = org.keycloak.saml.common.util.DocumentUtil.getDocument(
                new String(java.util.Base64.getDecoder().decode(driver.lastSamlResponse), java.nio.charset.StandardCharsets.UTF_8));
        String nameId = response.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "NameID").item(0).getTextContent();
        String sessionIndex = ((org.w3c.dom.Element) response.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "AuthnStatement")
                .item(0)).getAttribute("SessionIndex");
        assertEquals(fixture.realmUrl() + "/spid/slo", fixture.idp.spSingleLogoutUrl());

        Page answer = new it.spidonly.keycloak.testsupport.browser.HttpBrowser().postForm(fixture.idp.spSingleLogoutUrl(),
                Map.of("SAMLRequest", fixture.idp.buildLogoutRequest(nameId, sessionIndex), "RelayState", "idp-logout-1"));

        assertEquals(200, answer.status(), () -> answer + "\n" + answer.body());
        assertEquals(fixture.idp.sloUrl(), answer.element("form").absUrl("action"), "the LogoutResponse goes back to the IdP");
        assertEquals(sessionsBefore - 1, sessions(userId), "the session opened by that assertion is over");
    }

    @Test
    void logoutRequestWithABrokenSignatureIsRefused() {
        String forged = fixture.idp.buildLogoutRequest("whoever", "any-session");
        String xml = new String(java.util.Base64.getDecoder().decode(forged), java.nio.charset.StandardCharsets.UTF_8)
                .replace("any-session", "another-session");
        Page answer = new it.spidonly.keycloak.testsupport.browser.HttpBrowser().postForm(fixture.idp.spSingleLogoutUrl(),
                Map.of("SAMLRequest", java.util.Base64.getEncoder().encodeToString(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals(400, answer.status());
    }

    @Test
    void theClaimsParameterCanAskForLevelThree() {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        driver.startAtIdp(SpidRealmFixture.IDP_ALIAS, Map.of("claims",
                "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"https://www.spid.gov.it/SpidL3\"]}}}"));
        assertEquals("https://www.spid.gov.it/SpidL3", driver.lastRequest().authnContextClassRef());
        assertTrue(driver.lastRequest().forceAuthn());
    }

    @Test
    void aClientMinimumLevelRaisesTheLevelAsked() {
        JsonNode client = fixture.keycloak.admin().get("/" + fixture.name() + "/clients?clientId=" + SpidRealmFixture.APP).path(0);
        String path = "/" + fixture.name() + "/clients/" + client.path("id").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) client.path("attributes")).put("spid.minimum.level", "3");
        assertEquals(204, fixture.keycloak.admin().send("PUT", path, client).statusCode());
        try {
            SpidLoginDriver driver = new SpidLoginDriver(fixture);
            driver.startAtIdp(SpidRealmFixture.IDP_ALIAS);
            assertEquals("https://www.spid.gov.it/SpidL3", driver.lastRequest().authnContextClassRef());
        } finally {
            // Keycloak merges client attributes on update: clear the value rather than leaving the key out
            ((com.fasterxml.jackson.databind.node.ObjectNode) client.path("attributes")).put("spid.minimum.level", "");
            assertEquals(204, fixture.keycloak.admin().send("PUT", path, client).statusCode());
        }
    }

    private int sessions(String userId) {
        return fixture.keycloak.admin().get("/" + fixture.name() + "/users/" + userId + "/sessions").size();
    }

    private JsonNode user(String username) {
        JsonNode user = fixture.keycloak.admin().findUserByUsername(fixture.name(), username);
        assertTrue(user != null, "user " + username);
        return user;
    }

    private JsonNode accountApi(String method, String token, Object body) throws Exception {
        HttpResponse<String> response = accountCall(method, token, body);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> accountCall(String method, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.realmUrl() + "/account/"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }
}
