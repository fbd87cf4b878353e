package it.spidonly.keycloak.it.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.browser.AdminConsole;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15 (finding 11): the help-desk entry of the login page is set up from the admin console alone — the realm
 * sidebar's "Help desk" page, in headless Chromium — in a realm with nothing but the spid-only login theme. (Refusals
 * of bad values are tested through the admin REST API in {@link HelpdeskAuditFindingsIT}.)
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpdeskSettingsConsoleIT {
    private static final String REALM = "helpdesk-console-settings";
    private static final String APP_REDIRECT = "http://127.0.0.1:1/settings-callback";
    private KeycloakServer keycloak;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        try {
            keycloak.admin().deleteRealm(REALM);
        } catch (RuntimeException absent) {
            // first run
        }
        keycloak.admin().post("", Map.of("realm", REALM, "enabled", true));
        ObjectNode rep = (ObjectNode) keycloak.admin().get("/" + REALM);
        rep.put("loginTheme", "spid-only");
        keycloak.admin().put("/" + REALM, rep);
        keycloak.admin().post("/" + REALM + "/clients", Map.of("clientId", "app", "publicClient", true, "standardFlowEnabled", true,
                "redirectUris", java.util.List.of(APP_REDIRECT), "attributes", Map.of("pkce.code.challenge.method", "S256")));
    }

    @AfterAll
    void close() {
        keycloak.admin().deleteRealm(REALM);
    }

    @Test
    void anAdminTurnsTheHelpdeskEntryOnInTheConsole() throws IOException {
        assertNull(loginPage().document().selectFirst("#helpdesk-entry"), "no entry before");
        try (Chromium chromium = new Chromium()) {
            try {
                AdminConsole console = AdminConsole.open(chromium, keycloak.baseUrl(), REALM);
                chromium.await(AdminConsole.WAIT).until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("a[href*='page-section/spid-helpdesk']"))).click();
                chromium.await(AdminConsole.WAIT).until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[self::a or self::button][contains(normalize-space(.), 'Create item')]"))).click();
                assertEquals("P2Y", console.field("credentialMaxValidity").getAttribute("value"));
                WebElement saved = console.save();
                assertTrue(saved.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + saved.getText());
                chromium.screenshot("helpdesk-settings-saved");
                assertEquals("form", keycloak.admin().get("/" + REALM).path("attributes").path("spidOnly.helpdeskEntry").asText());
            } catch (RuntimeException | AssertionError e) {
                Files.writeString(chromium.screenshot("helpdesk-settings-failure").resolveSibling("helpdesk-settings-failure.html"),
                        chromium.driver().getPageSource());
                throw e;
            }
        }
        JsonNode attributes = keycloak.admin().get("/" + REALM).path("attributes");
        assertEquals("form", attributes.path("spidOnly.helpdeskEntry").asText(), attributes::toString);
        assertEquals("P2Y", attributes.path("helpdesk.credentialMaxValidity").asText(), attributes::toString);
        assertNotNull(loginPage().document().selectFirst("#helpdesk-entry"), "the login page shows the entry");
    }

    private Page loginPage() {
        HttpBrowser browser = new HttpBrowser().header("Accept-Language", "en").stopAt(APP_REDIRECT);
        OidcTestClient app = new OidcTestClient(browser, keycloak.realmUrl(REALM), "app", APP_REDIRECT);
        return browser.get(app.authorizationUrl().toString());
    }
}
