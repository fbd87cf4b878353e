package it.spidonly.keycloak.it.theme;

import static it.spidonly.keycloak.it.theme.ThemeRealm.EIDAS;
import static it.spidonly.keycloak.it.theme.ThemeRealm.ENABLED_SPID;
import static it.spidonly.keycloak.it.theme.ThemeRealm.PLAIN_SAML;
import static it.spidonly.keycloak.it.theme.ThemeRealm.SPID_DISABLED;
import static it.spidonly.keycloak.it.theme.ThemeRealm.SPID_TEST_IDP;
import static it.spidonly.keycloak.it.theme.ThemeRealm.SPID_WITHOUT_LOGO;
import static it.spidonly.keycloak.it.theme.ThemeRealm.SPID_WITH_LOGO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** AgID's "Entra con SPID" button and the eIDAS button on the real Keycloak login page, in headless Chromium. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidButtonIT {
    /** With 3 SPID IdPs a fixed order passes this many loads with probability 0; a fair shuffle fails with 6^-11. */
    private static final int LOADS = 12;

    private ThemeRealm realm;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        realm = ThemeRealm.create(keycloak, "theme-button");
    }

    @AfterAll
    void close() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    void theButtonListsEveryEnabledSpidIdpFoundByTypeAndNothingElse() {
        try (ThemeBrowser browser = new ThemeBrowser("it")) {
            browser.size(Chromium.DESKTOP).open(realm.loginUrl(ThemeRealm.APP));

            assertEquals(Set.copyOf(ENABLED_SPID), Set.copyOf(browser.spidButtonOrder()), "enabled spid-saml IdPs, by type");
            assertFalse(browser.spidButtonOrder().contains(SPID_DISABLED), "a disabled SPID IdP is not offered");
            assertEquals(List.of(), browser.attributes("#spid-idp-panel [data-idp-alias='" + PLAIN_SAML + "'], #spid-idp-panel [data-idp-alias='"
                    + EIDAS + "']", "id"), "other IdP types never inside the SPID button");
            assertEquals(List.of(PLAIN_SAML), browser.attributes("#other-providers a", "data-idp-alias"), "a plain SAML IdP is listed apart");

            WebElement poste = browser.byId("spid-idp-" + SPID_WITH_LOGO);
            WebElement logo = poste.findElement(By.tagName("img"));
            assertTrue(logo.getAttribute("src").endsWith("/img/spid/spid-idp-posteid.svg"), logo.getAttribute("src"));
            assertEquals("Poste Italiane", logo.getAttribute("alt"), "the logo carries the IdP's name");
            WebElement lepida = browser.byId("spid-idp-" + SPID_WITHOUT_LOGO);
            assertTrue(lepida.findElement(By.tagName("img")).getAttribute("src").endsWith("/img/spid/spid-logo-c-lb.svg"), "generic logo");
            assertEquals("", lepida.findElement(By.tagName("img")).getAttribute("alt"));
            assertTrue(lepida.getAttribute("textContent").contains("Lepida"), "the generic logo comes with the name");
            assertTrue(lepida.getAttribute("href").contains("/broker/" + SPID_WITHOUT_LOGO + "/login"), lepida.getAttribute("href"));
        }
    }

    @Test
    void theSpidIdpsComeInANewRandomOrderOnEachLoad() {
        Set<List<String>> orders = new HashSet<>();
        try (ThemeBrowser browser = new ThemeBrowser("it")) {
            for (int i = 0; i < LOADS; i++) {
                List<String> order = browser.open(realm.loginUrl(ThemeRealm.APP)).spidButtonOrder();
                assertEquals(Set.copyOf(ENABLED_SPID), Set.copyOf(order), "every load lists them all, once");
                assertEquals(ENABLED_SPID.size(), order.size());
                orders.add(order);
            }
        }
        assertTrue(orders.size() > 1, () -> LOADS + " loads, always the same order: " + orders);
    }

    @Test
    void theButtonIsADisclosureThatKeyboardAndScreenReadersCanUse() {
        try (ThemeBrowser browser = new ThemeBrowser("en")) {
            browser.size(Chromium.PHONE).open(realm.loginUrl(ThemeRealm.APP));
            WebElement button = browser.byId("spid-button");
            assertEquals("button", button.getTagName());
            assertEquals("false", button.getAttribute("aria-expanded"));
            assertEquals("spid-idp-panel", button.getAttribute("aria-controls"));
            assertEquals("Log in with SPID", button.getAccessibleName());
            assertFalse(browser.byId("spid-idp-panel").isDisplayed(), "closed at first");

            browser.tabTo("spid-button");
            browser.press(Keys.SPACE);
            assertEquals("true", button.getAttribute("aria-expanded"), "Space opens it");
            assertTrue(browser.byId("spid-idp-list").isDisplayed());
            assertEquals("ul", browser.byId("spid-idp-list").getTagName());
            assertEquals("SPID identity providers", browser.byId("spid-idp-list").getAccessibleName());
            for (WebElement link : browser.driver().findElements(By.cssSelector("#spid-idp-list > li > a[href]"))) {
                assertFalse(link.getAccessibleName().isBlank(), () -> "a name for " + link.getAttribute("id"));
            }
            browser.chromium.screenshot("theme-spid-button-open-keyboard-en-phone");

            WebElement first = browser.tabTo(browser.spidButtonOrder().get(0));
            assertEquals("a", first.getTagName(), "Tab goes from the button into the list of links");
            browser.press(Keys.ESCAPE);
            assertEquals("false", button.getAttribute("aria-expanded"), "Escape closes it");
            assertFalse(browser.byId("spid-idp-panel").isDisplayed());
            assertEquals("spid-button", browser.focused().getAttribute("id"), "and puts the focus back on the button");

            browser.press(Keys.ENTER);
            assertEquals("true", button.getAttribute("aria-expanded"), "Enter opens it too");
        }
    }

    @Test
    void keyboardOnlyLoginThroughTheSpidTestIdpLandsBackInTheApp() {
        OidcTestClient app = realm.app(ThemeRealm.APP);
        try (ThemeBrowser browser = new ThemeBrowser("it")) {
            browser.size(Chromium.DESKTOP).open(app.authorizationUrl().toString());

            browser.tabTo("spid-button");
            browser.press(Keys.ENTER);
            browser.tabTo(SPID_TEST_IDP);
            browser.press(Keys.ENTER);

            browser.chromium.await(ThemeBrowser.WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            assertTrue(browser.driver().getCurrentUrl().startsWith(realm.idp.baseUrl()), browser.driver().getCurrentUrl());
            browser.tabTo("username");
            browser.type("mario.rossi");
            browser.press(Keys.TAB);
            browser.type("password123");
            browser.press(Keys.ENTER);

            browser.chromium.await(ThemeBrowser.WAIT).until(d -> d.getCurrentUrl().startsWith(ThemeRealm.REDIRECT_URI));
            OidcTestClient.Tokens tokens = app.exchange(browser.driver().getCurrentUrl());
            assertEquals("rssmra80a01h501u", tokens.idTokenClaims().getStringClaim("preferred_username"));
        }
    }

    @Test
    void loginWithEidasStandsBesideTheSpidButtonAndGoesToTheEidasIdp() {
        try (ThemeBrowser browser = new ThemeBrowser("it")) {
            browser.size(Chromium.DESKTOP).open(realm.loginUrl(ThemeRealm.APP));
            WebElement eidas = browser.byId("eidas-button");
            assertEquals("a", eidas.getTagName(), "one eIDAS IdP: a link");
            assertTrue(eidas.getAttribute("href").contains("/broker/" + EIDAS + "/login"), eidas.getAttribute("href"));
            assertEquals("Login with eIDAS", eidas.getAccessibleName());
            assertEquals("en", eidas.findElement(By.cssSelector(".spid-only-button__text")).getAttribute("lang"),
                    "the official English label is marked as English on an Italian page");
            assertFalse(browser.exists("#spid-idp-panel #eidas-button"), "beside the SPID button, not inside");
            assertTrue(browser.exists(".spid-only-choices > .spid-only-choice--spid + .spid-only-choice--eidas"));
        }
    }

    @Test
    void severalEidasIdpsMakeTheEidasButtonADisclosureOfThem() {
        realm.addEidasIdp("eidas-node-es", "Spain (eIDAS node)");
        try (ThemeBrowser browser = new ThemeBrowser("en")) {
            browser.size(Chromium.PHONE).open(realm.loginUrl(ThemeRealm.APP));
            WebElement eidas = browser.byId("eidas-button");
            assertEquals("button", eidas.getTagName());
            assertEquals("false", eidas.getAttribute("aria-expanded"));
            eidas.click();
            assertEquals("true", eidas.getAttribute("aria-expanded"));
            assertEquals(List.of(EIDAS, "eidas-node-es"), browser.attributes("#eidas-idp-list a", "data-idp-alias"));
            assertEquals(Set.copyOf(ENABLED_SPID), Set.copyOf(browser.spidButtonOrder()), "the SPID button is unchanged");
            browser.record("login-eidas-several-open");
        } finally {
            realm.removeIdp("eidas-node-es");
        }
    }
}
