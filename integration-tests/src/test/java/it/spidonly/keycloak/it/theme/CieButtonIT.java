package it.spidonly.keycloak.it.theme;

import static it.spidonly.keycloak.it.theme.LoginPagesIT.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 17, item 5: the official "Entra con CIE" beside "Entra con SPID" on the real Keycloak login page, in headless
 * Chromium, Italian and English, phone and desktop, axe-core clean. The realm is made the way docs/admin-guide.md
 * and docs/cie.md tell an administrator (admin REST, from an empty realm, no template): the SPID service provider,
 * a SPID IdP from its metadata, the CIE data of the SP, then CIE IdPs of the real type {@code cie-saml}: from the test
 * IdP's CIE metadata (environment {@code custom}) and the Ministry's pre-production preset.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CieButtonIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CIE_TYPE = "cie-saml";
    private static final String CIE = "cie";
    private static final String CIE_PREPRODUCTION = "cie-preproduzione";
    private static final List<String> LANGUAGES = List.of("it", "en");
    private static final List<Dimension> SIZES = List.of(Chromium.PHONE, Chromium.DESKTOP);

    private AdminGuideRealm realm;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        realm = AdminGuideRealm.empty(keycloak, "theme-cie", TestUser.demoUsers()).realmSettings().serviceProvider().spidIdp().app();
        cieData(Map.of("cieMunicipality", "H501", "cieProvince", "RM"));
    }

    @AfterAll
    void close() {
        if (realm != null) {
            realm.close();
        }
    }

    @AfterEach
    void noCieIdpsNoCutover() {
        removeIdp(CIE);
        removeIdp(CIE_PREPRODUCTION);
        realm.admin().send("PUT", "/" + realm.name + "/spid-cutover", Map.of("enabled", false));
    }

    @Test
    void withSpidAndCieBothButtonsStandSideBySideWithTheSameProminence() {
        addCieIdp(CIE, "CIE");
        for (String language : LANGUAGES) {
            try (ThemeBrowser browser = new ThemeBrowser(language)) {
                for (Dimension size : SIZES) {
                    browser.size(size).open(loginUrl());
                    WebElement spid = browser.byId("spid-button");
                    WebElement cie = browser.byId("cie-button");
                    assertEquals("a", cie.getTagName(), "one CIE IdP: the button logs in directly");
                    assertTrue(cie.getAttribute("href").contains("/broker/" + CIE + "/login"), cie.getAttribute("href"));
                    assertEquals(message(language, "spidOnlyCieButton"), cie.getAccessibleName());
                    assertEquals(message(language, "spidOnlyCieButton"), cie.getText());
                    assertTrue(browser.exists(".spid-only-choices > .spid-only-choice--spid + .spid-only-choice--cie"),
                            "CIE right after SPID, in the same row of choices");

                    Rectangle s = spid.getRect();
                    Rectangle c = cie.getRect();
                    assertEquals(s.getWidth(), c.getWidth(), 1, () -> "same width " + s + " " + c);
                    assertEquals(s.getHeight(), c.getHeight(), 1, () -> "same height " + s + " " + c);
                    for (String property : List.of("font-size", "font-weight", "border-radius", "color")) {
                        assertEquals(spid.getCssValue(property), cie.getCssValue(property), property);
                    }
                    assertTrue(Math.abs(s.getY() - c.getY()) <= 1 || Math.abs(s.getX() - c.getX()) <= 1,
                            () -> "in one row or one column " + s + " " + c);
                    assertEquals("rgba(0, 83, 162, 1)", cie.getCssValue("background-color"), "the kit's blue");
                    WebElement logo = cie.findElement(By.tagName("img"));
                    assertTrue(logo.getAttribute("src").endsWith("/img/cie/Logo_CIE_ID.svg"), logo.getAttribute("src"));
                    assertEquals("", logo.getAttribute("alt"), "the logo is decoration: the text names the button");
                    assertTrue(((Number) browser.driver().executeScript("return arguments[0].naturalWidth", logo)).intValue() > 0,
                            "the logo loads");

                    assertEquals(message(language, "spidOnlyLoginIntroCie"), browser.driver().findElement(By.cssSelector(".spid-only-intro")).getText());
                    assertFalse(browser.spidButtonOrder().contains(CIE), "CIE is not a SPID IdP");
                    assertFalse(browser.exists("#other-providers"), "nor another way to log in");
                    browser.record("login-spid-cie");
                }
            }
        }
    }

    @Test
    void theCieButtonIsReachedWithTheKeyboardAndEnterLogsInThroughTheTestIdpsCieLoginPage() {
        addCieIdp(CIE, "CIE");
        OidcTestClient app = app();
        try (ThemeBrowser browser = new ThemeBrowser("it")) {
            browser.size(Chromium.PHONE).open(app.authorizationUrl().toString());
            WebElement cie = browser.tabTo("cie-button");
            assertEquals("solid", cie.getCssValue("outline-style"), "a visible focus ring");
            browser.chromium.screenshot("theme-cie-button-focus-it-phone");
            browser.press(Keys.ENTER);

            browser.byId("username");
            assertTrue(browser.driver().getCurrentUrl().startsWith(realm.idp.baseUrl() + "/cie/"), browser.driver().getCurrentUrl());
            assertEquals("CIE test IdP", browser.driver().findElement(By.tagName("h1")).getText(), "the test IdP's CIE login page");
            assertEquals(realm.realmUrl() + "/spid/cie/metadata", browser.byId("sp").getText(), "asked by the realm's CIE SP");
            browser.chromium.screenshot("theme-cie-test-idp-login-it-phone");
            browser.tabTo("username");
            browser.type("mario.rossi");
            browser.press(Keys.TAB);
            browser.type("password123");
            browser.press(Keys.ENTER);

            browser.chromium.await(ThemeBrowser.WAIT).until(d -> d.getCurrentUrl().startsWith(AdminGuideRealm.REDIRECT_URI));
            OidcTestClient.Tokens tokens = app.exchange(browser.driver().getCurrentUrl());
            assertEquals("rssmra80a01h501u", tokens.idTokenClaims().getStringClaim("preferred_username"));
        }
    }

    @Test
    void withoutACieIdpThePageIsAsBeforeCie() {
        for (String language : LANGUAGES) {
            try (ThemeBrowser browser = new ThemeBrowser(language)) {
                browser.size(Chromium.DESKTOP).open(loginUrl());
                assertTrue(browser.byId("spid-button").isDisplayed());
                assertFalse(browser.exists("#cie-button"), "no CIE IdP, no CIE button");
                assertFalse(browser.exists(".spid-only-choice--cie"));
                assertEquals(message(language, "spidOnlyLoginIntro"), browser.driver().findElement(By.cssSelector(".spid-only-intro")).getText());
                String page = browser.driver().findElement(By.tagName("main")).getText();
                assertFalse(page.contains("CIE"), page);
                browser.record("login-spid-no-cie");
            }
        }
    }

    @Test
    void severalCieIdpsMakeTheButtonASmallChooser() {
        addCieIdp(CIE, "CIE");
        // the Ministry's pre-production IdP, as docs/admin-guide.md "CIE" creates it: only the environment
        realm.admin().post("/" + realm.name + "/identity-provider/instances", Map.of("alias", CIE_PREPRODUCTION,
                "displayName", "CIE (pre-produzione)", "providerId", CIE_TYPE, "enabled", true,
                "config", Map.of("cieEnvironment", "preproduction", "postBindingAuthnRequest", "true")));
        try (ThemeBrowser browser = new ThemeBrowser("en")) {
            browser.size(Chromium.PHONE).open(loginUrl());
            WebElement cie = browser.byId("cie-button");
            assertEquals("button", cie.getTagName());
            assertEquals("false", cie.getAttribute("aria-expanded"));
            assertEquals("cie-idp-panel", cie.getAttribute("aria-controls"));
            assertEquals(message("en", "spidOnlyCieButton"), cie.getAccessibleName());
            browser.tabTo("cie-button");
            browser.press(Keys.ENTER);
            assertEquals("true", cie.getAttribute("aria-expanded"));
            assertEquals(message("en", "spidOnlyCieProviders"), browser.byId("cie-idp-list").getAccessibleName());
            assertEquals(List.of(CIE, CIE_PREPRODUCTION), browser.attributes("#cie-idp-list a", "data-idp-alias"));
            browser.record("login-cie-several-open");
            browser.press(Keys.ESCAPE);
            assertEquals("false", cie.getAttribute("aria-expanded"));
        }
    }

    @Test
    void theCutoverTextsNameSpidAndCieOnlyWhenTheRealmOffersCie() {
        realm.cutover("2099-11-15T00:00");
        addCieIdp(CIE, "CIE");
        try (ThemeBrowser browser = new ThemeBrowser("it")) {
            browser.size(Chromium.DESKTOP).open(loginUrl());
            String title = browser.byId("cutover-notice-title").getText();
            assertTrue(title.endsWith("si accede solo con SPID o CIE"), title);
            assertTrue(browser.byId("cutover-notice").getText().contains("serviranno SPID o la Carta d'Identità Elettronica (CIE)"));
            browser.record("login-before-cutover-cie");
        }

        realm.cutover("2020-11-15T00:00");
        for (String language : LANGUAGES) {
            try (ThemeBrowser browser = new ThemeBrowser(language)) {
                browser.size(Chromium.PHONE).open(loginUrl());
                assertEquals("after", browser.byId("spid-only-login").getAttribute("data-cutover-phase"));
                assertEquals(message(language, "spidOnlyAfterCutoverTitleCie"), browser.byId("spid-only-explanation-title").getText());
                assertTrue(browser.byId("how-to-get-cie").isDisplayed());
                assertTrue(browser.byId("cie-button").isDisplayed());
                browser.record("login-after-cutover-cie");
            }
        }

        removeIdp(CIE);
        try (ThemeBrowser browser = new ThemeBrowser("en")) {
            browser.size(Chromium.PHONE).open(loginUrl());
            assertEquals(message("en", "spidOnlyAfterCutoverTitle"), browser.byId("spid-only-explanation-title").getText());
            assertFalse(browser.exists("#how-to-get-cie"));
            assertFalse(browser.driver().findElement(By.tagName("main")).getText().contains("CIE"));
        }
    }

    /**
     * The cutover module's own texts (the notice and refusal any theme shows, here Keycloak's keycloak.v2) name CIE
     * beside SPID when the realm offers CIE, and only SPID when it does not.
     */
    @Test
    void theCutoverModulesOwnRefusalNamesCieOnlyWhenTheRealmOffersCie() {
        realm.cutover("2020-11-15T00:00");
        realm.admin().put("/" + realm.name, Map.of("loginTheme", "keycloak.v2"));
        try {
            assertTrue(refusalOnThePage("it").contains("Entra con SPID; se sei"), "without CIE only SPID");
            addCieIdp(CIE, "CIE");
            assertTrue(refusalOnThePage("it").contains("Entra con SPID o con la CIE; se sei"), "with CIE, in Italian");
            assertTrue(refusalOnThePage("en").contains("Sign in with SPID or CIE; citizens"), "with CIE, in English");
        } finally {
            realm.admin().put("/" + realm.name, Map.of("loginTheme", "spid-only"));
        }
    }

    /**
     * An admin who wrote the refusal in their own words (a realm override of {@code cutoverRefused}) keeps them once
     * the realm offers CIE: the bundle's CIE variant never replaces the admin's text, unless the admin overrides that
     * variant too. In the other language the bundle's CIE text stays.
     */
    @Test
    void anAdminsOwnRefusalTextIsKeptWhenTheRealmOffersCie() {
        String own = "Dal {0} si entra solo con l''identit\u00e0 digitale. Per aiuto: {3}.";
        realm.cutover("2020-11-15T00:00");
        realm.admin().put("/" + realm.name, Map.of("loginTheme", "keycloak.v2"));
        try {
            addCieIdp(CIE, "CIE");
            realm.admin().realmOverride(realm.name, "it", "cutoverRefused", own);
            String italian = refusalOnThePage("it");
            assertTrue(italian.contains("si entra solo con l'identit\u00e0 digitale. Per aiuto:"), italian);
            assertFalse(italian.contains("Entra con SPID o con la CIE"), italian);
            assertTrue(refusalOnThePage("en").contains("Sign in with SPID or CIE; citizens"), "English keeps the bundle's CIE text");
            realm.admin().realmOverride(realm.name, "it", "cutoverRefusedCie", "Dal {0} si entra con SPID o CIE, e basta.");
            assertTrue(refusalOnThePage("it").contains("si entra con SPID o CIE, e basta."), "the admin's CIE variant");
        } finally {
            realm.admin().send("DELETE", "/" + realm.name + "/localization/it/cutoverRefused", null);
            realm.admin().send("DELETE", "/" + realm.name + "/localization/it/cutoverRefusedCie", null);
            realm.admin().put("/" + realm.name, Map.of("loginTheme", "spid-only"));
        }
    }

    private String refusalOnThePage(String language) {
        try (ThemeBrowser browser = new ThemeBrowser(language)) {
            browser.size(Chromium.DESKTOP).open(loginUrl());
            return browser.driver().findElement(By.tagName("body")).getText();
        }
    }

    private OidcTestClient app() {
        return new OidcTestClient(new HttpBrowser(), realm.realmUrl(), AdminGuideRealm.APP, AdminGuideRealm.REDIRECT_URI);
    }

    private String loginUrl() {
        return app().authorizationUrl().toString();
    }

    /** docs/admin-guide.md "CIE", REST step 1: the CIE keys added to the SP component, written back whole. */
    private void cieData(Map<String, String> cie) {
        JsonNode component = null;
        for (JsonNode c : realm.admin().get("/" + realm.name + "/components?type=org.keycloak.services.ui.extend.UiPageProvider")) {
            if ("spid-service-provider".equals(c.path("providerId").asText())) {
                component = c;
            }
        }
        assertTrue(component != null, "the SP component");
        @SuppressWarnings("unchecked")
        Map<String, Object> rep = JSON.convertValue(component, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = new java.util.LinkedHashMap<>((Map<String, Object>) rep.get("config"));
        cie.forEach((key, value) -> config.put(key, List.of(value)));
        rep.put("config", config);
        realm.admin().put("/" + realm.name + "/components/" + component.path("id").asText(), rep);
    }

    /**
     * docs/admin-guide.md "CIE", REST step 2b: a CIE IdP from metadata (environment {@code custom}), here the test
     * IdP's CIE mode: {@code import-config} with the CIE type, then the instance with what it answered.
     */
    private void addCieIdp(String alias, String displayName) {
        JsonNode parsed = realm.admin().post("/" + realm.name + "/identity-provider/import-config",
                Map.of("providerId", CIE_TYPE, "fromUrl", realm.idp.cieMetadataUrl()));
        realm.admin().post("/" + realm.name + "/identity-provider/instances", Map.of("alias", alias, "displayName", displayName,
                "providerId", CIE_TYPE, "enabled", true, "config", JSON.convertValue(parsed, Map.class)));
    }

    private void removeIdp(String alias) {
        realm.admin().send("DELETE", "/" + realm.name + "/identity-provider/instances/" + alias, null); // 404 when not there
    }
}
