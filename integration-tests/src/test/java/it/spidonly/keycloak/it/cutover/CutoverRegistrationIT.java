package it.spidonly.keycloak.it.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * F2 (issue 16): Keycloak's own registration page, switched on by an admin in a realm built from empty through the
 * admin REST API, makes a password account before the cutover and nothing after it.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CutoverRegistrationIT {
    private static final String APP = "registration-app";
    private static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    private KeycloakServer keycloak;
    private String realm;

    @BeforeAll
    void emptyRealmWithRegistration(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        realm = "cutover-registration-" + UUID.randomUUID().toString().substring(0, 8);
        admin().post("", Map.of("realm", realm, "enabled", true));
        admin().put("/" + realm, Map.of("registrationAllowed", true, "eventsEnabled", true,
                "internationalizationEnabled", true, "supportedLocales", List.of("it", "en"), "defaultLocale", "it"));
        admin().post("/" + realm + "/clients", Map.of("clientId", APP, "publicClient", true, "standardFlowEnabled", true,
                "redirectUris", List.of(REDIRECT_URI), "attributes", Map.of("pkce.code.challenge.method", "S256")));
    }

    @AfterAll
    void close() {
        if (realm != null) {
            admin().deleteRealm(realm);
        }
    }

    private KeycloakAdmin admin() {
        return keycloak.admin();
    }

    private void cutover(String cutoverAt) {
        admin().put("/" + realm + "/spid-cutover", Map.of("enabled", true, "cutoverAt", cutoverAt, "timeZone", "Europe/Rome"));
    }

    @Test
    void beforeTheCutoverTheRegistrationPageMakesAnAccountAndSignsItIn() {
        cutover(CutoverFixture.daysFromNow(30));
        Visitor visitor = new Visitor("en");
        Page end = visitor.register(visitor.registrationPage(), "early.bird");
        assertTrue(end.isRedirect() && end.location().startsWith(REDIRECT_URI), () -> "the app gets its code: " + end + "\n" + end.body());
        assertNotNull(admin().findUserByUsername(realm, "early.bird"));
    }

    @Test
    void afterTheCutoverTheRegistrationPageIsRefusedWithTheCutoverMessageAndAnEvent() {
        cutover("2020-11-15T00:00");
        admin().delete("/" + realm + "/events");
        Visitor visitor = new Visitor("en");
        Page refused = visitor.browser.get(visitor.registrationLink(visitor.loginPage()));

        assertEquals(403, refused.status(), refused::toString);
        assertFalse(refused.body().contains("kc-register-form"), "no registration form is drawn");
        assertTrue(refused.document().text().contains("Since 15 November 2020 new accounts with a user ID and password can no longer be created."), refused::body);
        JsonNode event = event("REGISTER_ERROR", "cutover_refused");
        assertNotNull(event, () -> "a REGISTER_ERROR cutover_refused event: " + admin().get("/" + realm + "/events"));
        assertEquals("password", event.path("details").path("credential_type").asText());
        assertEquals("2020-11-15T00:00:00+01:00", event.path("details").path("cutover_instant").asText());
    }

    @Test
    void aRegistrationFormLoadedBeforeTheInstantAndSentAfterItCreatesNothing() {
        cutover(CutoverFixture.daysFromNow(30));
        Visitor visitor = new Visitor("it");
        Page form = visitor.registrationPage();
        cutover("2020-11-15T00:00");
        admin().delete("/" + realm + "/events");

        Page refused = visitor.register(form, "late.comer");

        assertFalse(refused.isRedirect() && refused.location().startsWith(REDIRECT_URI), () -> "no code for the app: " + refused);
        assertTrue(refused.status() >= 400 && refused.status() < 500, refused::toString);
        assertTrue(refused.document().text().contains("Dal 15 novembre 2020 non è più possibile creare nuovi account con user ID e password."), refused::body);
        assertNull(admin().findUserByUsername(realm, "late.comer"), "no account is created");
        assertEquals(0, admin().get("/" + realm + "/users?username=late.comer").size());
        JsonNode event = event("REGISTER_ERROR", "cutover_refused");
        assertNotNull(event, () -> "a REGISTER_ERROR cutover_refused event: " + admin().get("/" + realm + "/events"));
        assertEquals("late.comer", event.path("details").path("username").asText());
        assertNull(event("REGISTER", null), "no REGISTER event");
    }

    @Test
    void aFiscalCodeTypedAsUsernameIsMaskedInTheRefusalEvent() {
        cutover(CutoverFixture.daysFromNow(30));
        Visitor visitor = new Visitor("en");
        Page form = visitor.registrationPage();
        cutover("2020-11-15T00:00");
        admin().delete("/" + realm + "/events");

        visitor.register(form, "prshjk80a01h501q");

        assertNull(admin().findUserByUsername(realm, "prshjk80a01h501q"));
        JsonNode event = event("REGISTER_ERROR", "cutover_refused");
        assertNotNull(event);
        assertEquals("PRS***1Q", event.path("details").path("username").asText());
    }

    /** The newest event of {@code type} with {@code error} (any when null), or null. */
    private JsonNode event(String type, String error) {
        for (JsonNode e : admin().get("/" + realm + "/events?type=" + type + "&max=50")) {
            if (error == null || error.equals(e.path("error").asText())) {
                return e;
            }
        }
        return null;
    }

    /** Someone at the app's login page who follows "Register". */
    private final class Visitor {
        final HttpBrowser browser;
        final OidcTestClient app;

        Visitor(String language) {
            browser = new HttpBrowser().header("Accept-Language", language).stopAt(REDIRECT_URI);
            app = new OidcTestClient(browser, keycloak.realmUrl(realm), APP, REDIRECT_URI);
        }

        Page loginPage() {
            Page page = browser.get(app.authorizationUrl().toString());
            assertEquals(200, page.status(), page::toString);
            return page;
        }

        String registrationLink(Page login) {
            return login.uri().resolve(login.element("#kc-registration a").attr("href")).toString();
        }

        Page registrationPage() {
            Page page = browser.get(registrationLink(loginPage()));
            assertEquals(200, page.status(), page::toString);
            return page;
        }

        Page register(Page registrationPage, String username) {
            return browser.submit(registrationPage.element("form#kc-register-form"), Map.of("username", username,
                    "email", username.replace('.', '-') + "@example.org", "firstName", "Nuovo", "lastName", "Utente",
                    "password", "Registrato-2026!", "password-confirm", "Registrato-2026!"));
        }
    }
}
