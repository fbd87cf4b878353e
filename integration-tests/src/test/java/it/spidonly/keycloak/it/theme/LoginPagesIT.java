package it.spidonly.keycloak.it.theme;

import static it.spidonly.keycloak.it.theme.ThemeRealm.AFTER_APP;
import static it.spidonly.keycloak.it.theme.ThemeRealm.APP;
import static it.spidonly.keycloak.it.theme.ThemeRealm.BEFORE_APP;
import static it.spidonly.keycloak.it.theme.ThemeRealm.CUTOVER_DATE;
import static it.spidonly.keycloak.it.theme.ThemeRealm.ERROR_APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Every page of the spid-only theme on the real Keycloak, in Italian and English, at phone and desktop width:
 * screenshots, axe-core, and what each page must say and offer.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginPagesIT {
    /** Message keys other issues show on Keycloak's error page through this theme. */
    static final List<String> ERROR_KEYS = List.of("spidErrorNr19", "spidErrorNr20", "spidErrorNr21", "spidErrorNr22",
            "spidErrorNr23", "spidErrorNr25", "spidErrorNr30", "helpdeskCredentialExpired", "helpdeskCredentialRevoked");
    private static final List<String> LANGUAGES = List.of("it", "en");
    private static final List<Dimension> SIZES = List.of(Chromium.PHONE, Chromium.DESKTOP);

    private ThemeRealm realm;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        realm = ThemeRealm.create(keycloak, "theme-pages");
    }

    @AfterAll
    void close() {
        if (realm != null) {
            realm.close();
        }
    }

    @AfterEach
    void noHelpdeskEntry() {
        realm.helpdeskEntry(null);
    }

    @Test
    void everyPageInBothLanguagesAtPhoneAndDesktopWidth() {
        for (String language : LANGUAGES) {
            try (ThemeBrowser browser = new ThemeBrowser(language)) {
                for (Dimension size : SIZES) {
                    browser.size(size);
                    browser.open(realm.loginUrl(APP)).record("login");
                    browser.byId("spid-button").click();
                    browser.record("login-spid-open");
                    browser.open(realm.loginUrl(BEFORE_APP)).record("login-before-cutover");
                    browser.open(realm.loginUrl(AFTER_APP)).record("login-after-cutover");
                }
            }
        }
        realm.helpdeskEntry("form");
        for (String language : LANGUAGES) {
            try (ThemeBrowser browser = new ThemeBrowser(language)) {
                for (Dimension size : SIZES) {
                    browser.size(size).open(realm.loginUrl(AFTER_APP));
                    browser.byId("helpdesk-button").click();
                    scrollIntoView(browser, "helpdesk-entry");
                    browser.record("login-helpdesk-form");
                }
            }
        }
        for (String key : ERROR_KEYS) {
            realm.errorPageShows(key);
            for (String language : LANGUAGES) {
                try (ThemeBrowser browser = new ThemeBrowser(language)) {
                    for (Dimension size : SIZES) {
                        browser.size(size).open(realm.loginUrl(ERROR_APP));
                        assertEquals(message(language, key), browser.byId("error-summary").getText(), key);
                        browser.record("error-" + key);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void theBrowsersLanguageIsChosenAndEveryTextIsInIt(String language) {
        try (ThemeBrowser browser = new ThemeBrowser(language)) {
            browser.open(realm.loginUrl(AFTER_APP));
            assertEquals(language, browser.htmlLang());
            assertEquals(message(language, "spidOnlySpidButton"), browser.byId("spid-button").getText());
            assertEquals(message(language, "spidOnlyLoginTitle"), browser.byId("kc-page-title").getText());
            assertEquals(message(language, "spidOnlyAfterCutoverTitle"), browser.byId("spid-only-explanation-title").getText());
            String page = browser.driver().findElement(By.tagName("main")).getText();
            for (String key : List.of("spidOnlyLoginIntro", "spidOnlyEidasHint",
                    "spidOnlyHowToGetSpid", "spidOnlyOtherProviders")) {
                assertTrue(page.contains(message(language, key)), () -> key + " in " + language + ":\n" + page);
            }
        }
    }

    @Test
    void theLanguageSwitchOnThePageChangesTheLanguage() {
        try (ThemeBrowser browser = new ThemeBrowser("it")) {
            browser.open(realm.loginUrl(APP));
            assertEquals("Entra con SPID", browser.byId("spid-button").getText());
            Select languages = new Select(browser.byId("login-select-toggle"));
            String english = languages.getOptions().stream().map(o -> o.getAttribute("value"))
                    .filter(url -> url.contains("kc_locale=en")).findFirst()
                    .orElseThrow(() -> new AssertionError("no English in the language switch"));
            languages.selectByValue(english);
            browser.chromium.await(ThemeBrowser.WAIT).until(d -> "en".equals(browser.htmlLang()));
            browser.awaitLoaded();
            assertEquals("Log in with SPID", browser.byId("spid-button").getText());
            browser.chromium.screenshot("theme-language-switched-to-en-desktop");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void beforeTheCutoverTheLegacyFormWorksUnderANoticeWithTheDate(String language) {
        OidcTestClient app = realm.app(BEFORE_APP);
        try (ThemeBrowser browser = new ThemeBrowser(language)) {
            browser.open(app.authorizationUrl().toString());
            WebElement notice = browser.byId("cutover-notice");
            String date = CUTOVER_DATE;
            assertEquals(message(language, "spidOnlyCutoverNoticeTitle", date), browser.byId("cutover-notice-title").getText());
            assertTrue(notice.getText().contains(message(language, "spidOnlyCutoverNotice", name(language, "spidOnlyNameLegacyCredentials"),
                    name(language, "spidOnlyNameInpsPin"))), notice.getText());
            assertEquals(ThemeRealm.CUTOVER_INSTANT, notice.getAttribute("data-cutover-instant"));
            assertFalse(browser.exists("#spid-only-explanation"), "no post-cutover text before the cutover");
            assertTrue(browser.byId("legacy-login").getText().contains(message(language, "spidOnlyLegacyUntil")));
            String page = browser.driver().findElement(By.tagName("main")).getText();
            assertEquals(1, page.split(java.util.regex.Pattern.quote(date), -1).length - 1, () -> "the date once:\n" + page);
            assertTrue(browser.byId("spid-button").isDisplayed(), "SPID is offered before the cutover too");

            browser.byId("username").sendKeys(ThemeRealm.LEGACY_USER);
            browser.byId("password").sendKeys(ThemeRealm.LEGACY_PASSWORD, Keys.ENTER);
            browser.chromium.await(ThemeBrowser.WAIT).until(d -> d.getCurrentUrl().startsWith(ThemeRealm.REDIRECT_URI));
            assertEquals(ThemeRealm.LEGACY_USER, app.exchange(browser.driver().getCurrentUrl()).idTokenClaims().getStringClaim("preferred_username"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void afterTheCutoverNoLegacyFormButHowToGetSpid(String language) {
        try (ThemeBrowser browser = new ThemeBrowser(language)) {
            browser.open(realm.loginUrl(AFTER_APP));
            assertEquals("after", browser.byId("spid-only-login").getAttribute("data-cutover-phase"));
            assertFalse(browser.exists("#kc-form-login"), "no username/password form after the cutover");
            assertFalse(browser.exists("#cutover-notice"));
            WebElement explanation = browser.byId("spid-only-explanation");
            assertTrue(explanation.getText().contains(message(language, "spidOnlyAfterCutover", CUTOVER_DATE,
                    name(language, "spidOnlyNameLegacyCredentials"), name(language, "spidOnlyNameInpsPin"))), explanation.getText());
            assertTrue(explanation.getText().contains(message(language, "spidOnlyHowToGetSpid")));
            assertEquals("https://www.spid.gov.it/richiedi-spid", browser.byId("how-to-get-spid").getAttribute("href"));

        }
    }

    /** Finding 5 of issue 15: a realm whose pages carry no cutover attributes keeps Keycloak's password form. */
    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void withoutCutoverAttributesThePasswordFormIsBesideSpid(String language) {
        OidcTestClient app = realm.app(APP);
        try (ThemeBrowser browser = new ThemeBrowser(language)) {
            browser.open(app.authorizationUrl().toString());
            assertEquals("none", browser.byId("spid-only-login").getAttribute("data-cutover-phase"));
            assertTrue(browser.byId("spid-button").isDisplayed());
            assertTrue(browser.byId("kc-form-login").isDisplayed(), "the username/password form, no cutover");
            assertFalse(browser.exists("#cutover-notice"));
            assertFalse(browser.exists("#spid-only-explanation"), "no 'SPID only' text without a cutover");
            browser.record("login-no-cutover");
            browser.byId("username").sendKeys(ThemeRealm.LEGACY_USER);
            browser.byId("password").sendKeys(ThemeRealm.LEGACY_PASSWORD, Keys.ENTER);
            browser.chromium.await(ThemeBrowser.WAIT).until(d -> d.getCurrentUrl().startsWith(ThemeRealm.REDIRECT_URI));
            assertEquals(ThemeRealm.LEGACY_USER, app.exchange(browser.driver().getCurrentUrl()).idTokenClaims().getStringClaim("preferred_username"));
        }
    }

    @Test
    void theHelpdeskEntryFollowsTheRealmAttribute() {
        OidcTestClient app = realm.app(AFTER_APP);
        try (ThemeBrowser browser = new ThemeBrowser("en")) {
            browser.open(realm.loginUrl(AFTER_APP));
            assertFalse(browser.exists("#helpdesk-entry"), "no attribute: no entry");

            realm.helpdeskEntry("https://helpdesk.example/foreign-users");
            browser.open(realm.loginUrl(AFTER_APP));
            assertEquals("https://helpdesk.example/foreign-users", browser.byId("helpdesk-link").getAttribute("href"));
            assertFalse(browser.exists("#kc-form-login"));

            realm.helpdeskEntry("javascript:alert(1)");
            browser.open(realm.loginUrl(AFTER_APP));
            assertFalse(browser.exists("#helpdesk-entry"), "only https, http or a path");

            realm.helpdeskEntry("form");
            browser.open(app.authorizationUrl().toString());
            WebElement button = browser.byId("helpdesk-button");
            assertEquals("false", button.getAttribute("aria-expanded"));
            assertFalse(browser.byId("kc-form-login").isDisplayed(), "the form is there, closed");
            browser.tabTo("helpdesk-button");
            browser.press(Keys.ENTER);
            assertEquals("true", button.getAttribute("aria-expanded"));
            browser.tabTo("username");
            browser.type(ThemeRealm.LEGACY_USER);
            browser.tabTo("password");
            browser.type(ThemeRealm.LEGACY_PASSWORD);
            browser.press(Keys.ENTER);
            browser.chromium.await(ThemeBrowser.WAIT).until(d -> d.getCurrentUrl().startsWith(ThemeRealm.REDIRECT_URI));
            assertEquals(ThemeRealm.LEGACY_USER, app.exchange(browser.driver().getCurrentUrl()).idTokenClaims().getStringClaim("preferred_username"));
        }
    }

    @Test
    void aFailedHelpdeskLoginShowsTheFormOpenWithTheError() {
        realm.helpdeskEntry("form");
        try (ThemeBrowser browser = new ThemeBrowser("it")) {
            browser.open(realm.loginUrl(AFTER_APP));
            browser.byId("helpdesk-button").click();
            browser.byId("username").sendKeys(ThemeRealm.LEGACY_USER);
            browser.byId("password").sendKeys("wrong", Keys.ENTER);
            browser.chromium.await(ThemeBrowser.WAIT).until(d -> browser.exists("#input-error-username"));
            assertEquals("true", browser.byId("helpdesk-button").getAttribute("aria-expanded"));
            assertTrue(browser.byId("kc-form-login").isDisplayed());
            scrollIntoView(browser, "helpdesk-entry");
            browser.record("login-helpdesk-error");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void anErrorPageOffersTheWayOn(String language) {
        realm.errorPageShows("spidErrorNr22");
        try (ThemeBrowser browser = new ThemeBrowser(language)) {
            browser.open(realm.loginUrl(ERROR_APP));
            assertEquals(message(language, "spidOnlyErrorTitle"), browser.byId("kc-page-title").getText());
            assertEquals(message(language, "spidErrorNr22"), browser.byId("error-summary").getText());
            WebElement tryAgain = browser.byId("try-again");
            assertEquals(message(language, "spidOnlyTryAgain"), tryAgain.getText());
            assertTrue(tryAgain.getAttribute("href").contains("/login-actions/restart"), tryAgain.getAttribute("href"));
            WebElement back = browser.byId("backToApplication");
            assertEquals(message(language, "spidOnlyBackToApp"), back.getText());
            assertEquals(ThemeRealm.APP_BASE_URL, back.getAttribute("href"));

            tryAgain.click();
            browser.awaitLoaded();
            assertTrue(browser.exists("#error-summary"), "trying again runs the login again (here: denied again)");
            assertEquals(message(language, "spidErrorNr22"), browser.byId("error-summary").getText());
        }
    }

    /** A name of the legacy credentials or of the help desk (message key spidOnlyName*), as the bundle ships it. */
    static String name(String language, String key) {
        return message(language, key);
    }

    private static void scrollIntoView(ThemeBrowser browser, String id) {
        browser.driver().executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    /** The text the theme shows for a key, as Keycloak formats it (MessageFormat with the page's locale). */
    static String message(String language, String key, Object... parameters) {
        String pattern = themeMessages(language).getProperty(key);
        assertTrue(pattern != null, () -> key + " in messages_" + language);
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(parameters);
    }

    private static final Map<String, Properties> MESSAGES = new ConcurrentHashMap<>();

    /** The theme's messages over the providers' own (theme-resources), as Keycloak merges them for the page. */
    private static Properties themeMessages(String language) {
        return MESSAGES.computeIfAbsent(language, l -> {
            Properties p = new Properties();
            load(p, "/theme-resources/messages/messages_" + l + ".properties");
            load(p, "/theme/spid-only/login/messages/messages_" + l + ".properties");
            return p;
        });
    }

    private static void load(Properties into, String resource) {
        try {
            java.util.Enumeration<java.net.URL> urls = LoginPagesIT.class.getClassLoader().getResources(resource.substring(1));
            boolean found = false;
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    Properties p = new Properties();
                    // the theme's files are UTF-8; the providers' are ISO-8859-1 with \\u escapes: both read right as UTF-8 for ASCII-escaped files
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    into.putAll(p);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalStateException("messages on the class path: " + resource);
            }
        } catch (IOException e) {
            throw new IllegalStateException("messages on the class path: " + resource, e);
        }
    }
}
