package it.spidonly.keycloak.it.theme;

import static it.spidonly.keycloak.it.theme.LoginPagesIT.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15, findings 5 and 11, the way an administrator arrives: an empty realm made with the admin REST API, the
 * spid-only theme picked, no template. Without a cutover the login page keeps Keycloak's password form beside SPID;
 * with the real cutover (its REST API) the date is said once and, once passed, a legacy login is refused; the names
 * of the legacy credentials and of the help desk are the realm's (realm overrides, per language).
 */
@ExtendWith(KeycloakServer.class)
class LoginPageAdminPathIT {
    private static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    private static final String APP = "ministry-app";
    private static final String USER = "legacy.citizen";
    private static final String PASSWORD = "Legacy-Password-1";

    private KeycloakServer keycloak;
    private String realm;
    private OidcTestClient app;

    @BeforeEach
    void emptyRealmWithTheTheme(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        realm = "admin-path-" + UUID.randomUUID().toString().substring(0, 8);
        admin().post("", Map.of("realm", realm, "enabled", true, "loginTheme", "spid-only",
                "internationalizationEnabled", true, "supportedLocales", List.of("it", "en"), "defaultLocale", "it"));
        app = new OidcTestClient(new HttpBrowser(), keycloak.realmUrl(realm), APP, REDIRECT_URI);
        admin().post("/" + realm + "/clients", app.clientRepresentation());
        admin().post("/" + realm + "/users", Map.of("username", USER, "enabled", true, "firstName", "Legacy",
                "lastName", "Citizen", "email", "legacy.citizen@example.org", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
    }

    @AfterEach
    void dropRealm() {
        admin().deleteRealm(realm);
    }

    @Test
    void withNoCutoverTheLegacyFormIsBesideSpidAndWorks() {
        for (String language : List.of("it", "en")) {
            try (ThemeBrowser browser = new ThemeBrowser(language)) {
                browser.open(app.authorizationUrl().toString());
                assertTrue(browser.byId("spid-button").isDisplayed());
                assertTrue(browser.byId("kc-form-login").isDisplayed(), "no cutover: Keycloak's password form");
                assertFalse(browser.exists("#spid-only-explanation"), "no 'SPID only' without a cutover");
                assertFalse(browser.exists("#cutover-notice"));
                browser.record("admin-path-no-cutover");
                browser.byId("username").sendKeys(USER);
                browser.byId("password").sendKeys(PASSWORD, Keys.ENTER);
                browser.chromium.await(ThemeBrowser.WAIT).until(d -> d.getCurrentUrl().startsWith(REDIRECT_URI));
                assertEquals(USER, app.exchange(browser.driver().getCurrentUrl()).idTokenClaims().getStringClaim("preferred_username"));
            }
        }
    }

    @Test
    void beforeTheCutoverItsDateIsShownOnce() {
        admin().put("/" + realm + "/spid-cutover", Map.of("enabled", true, "cutoverAt", "2099-11-15T00:00", "timeZone", "Europe/Rome"));
        for (String language : List.of("it", "en")) {
            try (ThemeBrowser browser = new ThemeBrowser(language)) {
                browser.open(app.authorizationUrl().toString());
                assertEquals("before", browser.byId("spid-only-login").getAttribute("data-cutover-phase"));
                String date = browser.byId("cutover-notice-title").getText().replaceAll("^(Dal |From )", "").replaceAll("(,)? (si accede|login is).*$", "");
                assertTrue(date.contains("2099"), date);
                String page = browser.driver().findElement(By.tagName("main")).getText();
                assertEquals(1, page.split(Pattern.quote(date), -1).length - 1, () -> "the cutover date once:\n" + page);
                assertTrue(browser.byId("kc-form-login").isDisplayed());
                browser.record("admin-path-before-cutover");
            }
        }
    }

    @Test
    void theRealmsNamesForLegacyCredentialsAndHelpDeskAreShownAndTheRefusalUsesThem() {
        realmOverride("it", "spidOnlyNameLegacyCredentials", "codice utente e parola chiave");
        // realm overrides are message patterns, as every Keycloak message: an apostrophe is written twice
        realmOverride("it", "spidOnlyNameInpsPin", "PIN dell''Istituto");
        realmOverride("it", "spidOnlyNameHelpdesk", "Ufficio relazioni con il pubblico dell''Agenzia");
        realmOverride("en", "spidOnlyNameHelpdesk", "the Agency''s public relations office");
        admin().put("/" + realm + "/spid-cutover", Map.of("enabled", true, "cutoverAt", "2099-11-15T00:00", "timeZone", "Europe/Rome"));
        try (ThemeBrowser browser = new ThemeBrowser("it")) {
            browser.open(app.authorizationUrl().toString());
            String notice = browser.byId("cutover-notice").getText();
            assertTrue(notice.contains("codice utente e parola chiave e il PIN dell'Istituto non saranno più accettati"), notice);
            assertFalse(notice.contains("PIN INPS"), notice);
            assertEquals("Codice utente e parola chiave", browser.byId("legacy-login-title").getText());

            // the cutover passes while the page is open: the submission is refused, in the realm's words
            admin().put("/" + realm + "/spid-cutover", Map.of("cutoverAt", "2020-11-15T00:00"));
            browser.byId("username").sendKeys(USER);
            browser.byId("password").sendKeys(PASSWORD, Keys.ENTER);
            browser.awaitLoaded();
            String refusal = browser.driver().findElement(By.tagName("body")).getText();
            assertTrue(refusal.contains("non è più possibile accedere con codice utente e parola chiave né con il PIN dell'Istituto"), refusal);
            assertTrue(refusal.contains("rivolgiti all'Ufficio relazioni con il pubblico dell'Agenzia"), refusal);
            assertFalse(refusal.contains("Ministero"), refusal);
            assertFalse(browser.exists("#kc-form-login"), "after the cutover no legacy form");
            browser.record("admin-path-refused-custom-names");
        }
        try (ThemeBrowser browser = new ThemeBrowser("en")) {
            browser.open(app.authorizationUrl().toString());
            assertEquals("after", browser.byId("spid-only-login").getAttribute("data-cutover-phase"));
            String page = browser.driver().findElement(By.tagName("main")).getText();
            assertTrue(page.contains(message("en", "spidOnlyAfterCutoverTitle")), page);
            assertFalse(page.contains("Ministry"), page);
            assertEquals(1, page.split(Pattern.quote("2020"), -1).length - 1, () -> "the cutover date once:\n" + page);
            browser.record("admin-path-after-cutover");
        }
    }

    /** Realm settings → Localization → Realm overrides, as the admin REST API does it (text/plain). */
    private void realmOverride(String locale, String key, String text) {
        admin().realmOverride(realm, locale, key, text);
    }

    private KeycloakAdmin admin() {
        return keycloak.admin();
    }
}
