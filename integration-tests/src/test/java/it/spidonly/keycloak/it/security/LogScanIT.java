package it.spidonly.keycloak.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskAdminSetup;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskRealm;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.idp.ResponseMutations;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.inps.FakeInps;
import it.spidonly.keycloak.testsupport.inps.InpsPerson;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.CutoverRealm;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * F5 (issue 16): after a SPID login, a linking, refusals (a SAML rule, a disabled user, a username conflict, an
 * e-mail conflict, an ambiguous link, a legacy password and an INPS PIN after the cutover) and help-desk logins, the
 * server log holds no fiscal code in clear at INFO and above, Keycloak's own event logger ({@code jboss-logging},
 * which logs error events at WARN) included. Only what the server wrote while this class ran is scanned.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogScanIT {
    private static final String APP = "ministry-demo-app";
    private static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    private static final String IDP_ALIAS = "spid-test-idp";
    private static final String INPS_KEY = "log-scan-inps-key";
    private static final String PASSWORD = "password123";

    private KeycloakServer keycloak;
    private ServerLogScan scan;
    private SpidTestIdp idp;
    private FakeInps inps;
    private String realm;
    private String helpdeskRealm;

    @BeforeAll
    void realms(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        scan = ServerLogScan.from(keycloak.logFile());
        realm = "log-scan-" + UUID.randomUUID().toString().substring(0, 8);
        List<TestUser> people = new ArrayList<>(TestUser.demoUsers());
        people.add(person("carla.conflitto", "CNFLCU81A01H501E", "carla.conflitto@example.org"));
        people.add(person("anna.mailcomune", "MLCNNA82B42F205Q", "shared.mail@example.org"));
        people.add(person("gianni.doppio", "DPPGNN83C03L219G", "gianni.doppio@example.org"));
        idp = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0)
                .spMetadataUrl(keycloak.realmUrl(realm) + "/spid/metadata").users(people).build());
        inps = FakeInps.start(0, INPS_KEY, List.of(InpsPerson.of("PNNMRC85E05H501U", "Pin4Marco1", "Marco", "Pinna")));
        SpidRealm spid = SpidRealm.named(realm).testIdp(idp.baseUrl(), idp.entityId(), idp.signingCertificateBase64())
                .appRedirectUri(REDIRECT_URI);
        admin().importRealm(CutoverRealm.of(spid).cutover(true, "2020-11-15T00:00", "Europe/Rome")
                .inps(inps.endpoint(), INPS_KEY).toJson());
        helpdeskRealm = "log-scan-helpdesk-" + UUID.randomUUID().toString().substring(0, 8);
        // the help desk as docs/admin-guide.md sets it up, from an empty realm (its logins here need no operator)
        HelpdeskAdminSetup.of(admin(), helpdeskRealm).smtpPort(2525).cap("P2Y").run();
    }

    @AfterAll
    void close() {
        if (idp != null) {
            idp.close();
        }
        if (inps != null) {
            inps.close();
        }
        deleteQuietly(realm);
        deleteQuietly(helpdeskRealm);
    }

    @Test
    void noFiscalCodeInClearInTheServerLogAtInfoAndAbove() {
        // a SPID login that creates an account, then a linking to a legacy account that carries the fiscal number
        assertTrue(reachedApp(spidLogin("mario.rossi")), "SPID login");
        user("giulia.cliclavoro", "BNCGLI92L55F205A", "giulia.cliclavoro@example.org");
        assertTrue(reachedApp(spidLogin("giulia.bianchi")), "SPID login linked to the legacy account");

        // refusals: a SAML rule (wrong audience), a disabled account
        assertFalse(reachedApp(spidLoginWith("mario.rossi", ResponseMutations.withAudience("https://not-this-sp.example"))), "rule failure");
        String mario = admin().findUserByUsername(realm, "rssmra80a01h501u").path("id").asText();
        admin().put("/" + realm + "/users/" + mario, Map.of("enabled", false));
        assertFalse(reachedApp(spidLogin("mario.rossi")), "disabled user");

        // conflicts: an account whose username is the code but without fiscalNumber, one with the same e-mail,
        // two accounts with the same fiscal number (the link fails as ambiguous)
        user("cnflcu81a01h501e", null, "someone.else@example.org");
        spidLogin("carla.conflitto");
        user("shared.mail.owner", null, "shared.mail@example.org");
        spidLogin("anna.mailcomune");
        user("gianni.uno", "DPPGNN83C03L219G", "gianni.uno@example.org");
        user("gianni.due", "DPPGNN83C03L219G", "gianni.due@example.org");
        assertFalse(reachedApp(spidLogin("gianni.doppio")), "ambiguous link");

        // legacy methods after the cutover, with fiscal codes typed as user IDs
        assertFalse(reachedApp(legacyPassword("RSSMRA80A01H501U", "Cliclavoro-2016")), "legacy password");
        assertEquals(400, passwordGrant(CutoverRealm.PASSWORD_GRANT_APP, "tinit-rssmra80a01h501u", "Cliclavoro-2016"));
        assertEquals(400, passwordGrant(CutoverRealm.INPS_GRANT_APP, "PNNMRC85E05H501U", "Pin4Marco1"));

        // help desk: people of states outside eIDAS who type a fiscal code, and a wrong secret
        assertFalse(reachedApp(helpdeskLogin("HLPSRA84D44H501Q", "Wrong-Secret-1")), "help-desk login with a fiscal code");
        assertFalse(reachedApp(helpdeskLogin("tinit-grgnna86h46h501f", "Wrong-Secret-2")), "help-desk login with tinit-");

        List<String> inClear = scan.fiscalCodesInClear();
        assertTrue(scan.lineCount() > 0, "the server wrote its log");
        assertEquals(List.of(), inClear, () -> "fiscal codes in clear at INFO and above in " + keycloak.logFile());
    }

    private KeycloakAdmin admin() {
        return keycloak.admin();
    }

    private static TestUser person(String username, String fiscalCode, String email) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("spidCode", "TIDP" + fiscalCode.substring(0, 10));
        attributes.put("fiscalNumber", "TINIT-" + fiscalCode);
        attributes.put("name", "Test");
        attributes.put("familyName", "Person");
        attributes.put("gender", "F");
        attributes.put("dateOfBirth", "1981-01-01");
        attributes.put("placeOfBirth", "H501");
        attributes.put("countyOfBirth", "RM");
        attributes.put("email", email);
        attributes.put("mobilePhone", "+393330000099");
        attributes.put("address", "Via dei Test 9 00100 Roma RM");
        return new TestUser(username, PASSWORD, 2, attributes);
    }

    private void user(String username, String fiscalNumber, String email) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", email);
        user.put("firstName", "Legacy");
        user.put("lastName", "User");
        user.put("credentials", List.of(Map.of("type", "password", "value", "Cliclavoro-2016", "temporary", false)));
        if (fiscalNumber != null) {
            user.put("attributes", Map.of("fiscalNumber", List.of(fiscalNumber)));
        }
        admin().create("/" + realm + "/users", user);
    }

    private Page spidLogin(String idpUsername) {
        HttpBrowser browser = new HttpBrowser().stopAt(REDIRECT_URI);
        Page idpLogin = toIdp(browser);
        Page autoPost = browser.submit(idpLogin.element("form"), Map.of("username", idpUsername, "password", PASSWORD));
        return browser.submit(autoPost.element("form"));
    }

    private Page spidLoginWith(String idpUsername, it.spidonly.keycloak.testsupport.idp.ResponseMutation mutation) {
        HttpBrowser browser = new HttpBrowser().stopAt(REDIRECT_URI);
        toIdp(browser);
        List<ReceivedAuthnRequest> received = idp.receivedRequests();
        ReceivedAuthnRequest request = received.get(received.size() - 1);
        TestUser person = TestUser.demoUsers().stream().filter(u -> u.username().equals(idpUsername)).findFirst().orElseThrow();
        return browser.postForm(idp.acsUrlFor(request), Map.of("SAMLResponse", idp.buildSamlResponse(request, person, mutation),
                "RelayState", request.relayState()));
    }

    private Page toIdp(HttpBrowser browser) {
        OidcTestClient app = new OidcTestClient(browser, keycloak.realmUrl(realm), APP, REDIRECT_URI);
        Page toIdp = browser.get(app.authorizationUrl(Map.of("kc_idp_hint", IDP_ALIAS)).toString());
        return browser.submit(toIdp.element("form"));
    }

    private Page legacyPassword(String username, String password) {
        HttpBrowser browser = new HttpBrowser().stopAt(REDIRECT_URI);
        OidcTestClient app = new OidcTestClient(browser, keycloak.realmUrl(realm), APP, REDIRECT_URI);
        Page login = browser.get(app.authorizationUrl().toString());
        return browser.submit(login.element("form#kc-form-login"), Map.of("username", username, "password", password));
    }

    private int passwordGrant(String clientId, String username, String password) {
        HttpBrowser browser = new HttpBrowser();
        return browser.postForm(keycloak.realmUrl(realm) + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", clientId, "username", username, "password", password)).status();
    }

    private Page helpdeskLogin(String username, String secret) {
        HttpBrowser browser = new HttpBrowser().stopAt(HelpdeskRealm.APP_REDIRECT_URI);
        OidcTestClient app = new OidcTestClient(browser, keycloak.realmUrl(helpdeskRealm), HelpdeskRealm.APP, HelpdeskRealm.APP_REDIRECT_URI);
        Page login = browser.get(app.authorizationUrl().toString());
        // without a cutover the help-desk entry points to the page's own credentials form (theme contract)
        org.jsoup.nodes.Element form = login.document().selectFirst("#helpdesk-entry form#kc-form-login");
        return browser.submit(form != null ? form : login.element("form#kc-form-login"), Map.of("username", username, "password", secret));
    }

    private static boolean reachedApp(Page page) {
        return page.isRedirect() && page.location().startsWith(REDIRECT_URI);
    }

    private void deleteQuietly(String name) {
        if (name == null) {
            return;
        }
        try {
            admin().deleteRealm(name);
        } catch (RuntimeException e) {
            // already gone
        }
    }
}
