package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.it.adminpath.Citizen;
import it.spidonly.keycloak.testsupport.browser.AdminConsole;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15, finding 4: an admin adds one SPID IdP in the real admin console (headless Chromium) from its metadata URL,
 * with no client id or secret, on the bundle's "spid-idp" page; a citizen then logs in through it. A bad URL is
 * refused with a clear message and creates nothing. The realm is set up as docs/admin-guide.md says, from an empty
 * realm ({@link AdminGuideRealm}: settings, SP and app by REST), with no IdP: the console adds it.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidIdpConsoleIT {
    private static final String ALIAS = AdminGuideRealm.IDP_ALIAS;

    private AdminGuideRealm realm;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        realm = AdminGuideRealm.empty(keycloak, "spid-idp-console", TestUser.demoUsers()).realmSettings().serviceProvider().app();
    }

    @AfterAll
    void close() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    void adminAddsASpidIdpFromItsMetadataUrlInTheConsoleAndACitizenLogsInThroughIt() {
        try (Chromium chromium = new Chromium()) {
            try {
                addInConsole(chromium);
            } catch (RuntimeException | AssertionError e) {
                chromium.screenshot("spid-idp-console-failure");
                throw e;
            }
        }
        JsonNode idp = realm.admin().get("/" + realm.name + "/identity-provider/instances/" + ALIAS);
        assertEquals("spid-saml", idp.path("providerId").asText());
        assertEquals(realm.idp.entityId(), idp.path("config").path("idpEntityId").asText());
        assertEquals("2", idp.path("config").path("spidLevel").asText());

        OidcTestClient.Tokens tokens = new Citizen(realm).spidLoginToApp("mario.rossi", Map.of());
        assertEquals("https://www.spid.gov.it/SpidL2", tokens.idTokenClaims().getStringClaim("acr"));
        assertEquals(ALIAS, realm.admin().get("/" + realm.name + "/users/"
                + realm.user("rssmra80a01h501u").path("id").asText()
                + "/federated-identity").path(0).path("identityProvider").asText());
    }

    /** Finding 11: the SP page shows where its metadata is, written by the server on every save. */
    @Test
    void theSpPageShowsItsMetadataUrlWrittenByTheServer() {
        try (Chromium chromium = new Chromium()) {
            try {
                AdminConsole console = AdminConsole.open(chromium, realm.keycloak.baseUrl(), realm.name)
                        .openItem("spid-service-provider", realm.spEntityId());
                console.field("entityId");
                WebElement saved = console.save();
                assertTrue(saved.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + saved.getText());
                chromium.driver().navigate().refresh();
                WebElement url = console.field("metadataUrl");
                assertEquals(realm.metadataUrl(), url.getAttribute("value"));
                chromium.screenshot("admin-console-spid-sp-metadata-url");
                // Keycloak's console renders the read-only flag of a text field as editable: what is typed is replaced
                AdminConsole.replaceText(url, "https://forged.example/metadata");
                WebElement again = console.save();
                assertTrue(again.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + again.getText());
                chromium.driver().navigate().refresh();
                assertEquals(realm.metadataUrl(), console.field("metadataUrl").getAttribute("value"), "the server's URL, not the typed one");
            } catch (RuntimeException | AssertionError e) {
                chromium.screenshot("spid-sp-metadata-url-failure");
                throw e;
            }
        }
    }

    private void addInConsole(Chromium chromium) {
        AdminConsole console = AdminConsole.open(chromium, realm.keycloak.baseUrl(), realm.name);
        newItem(chromium, console, "https://127.0.0.1:1/no-metadata-here");
        WebElement refused = console.save();
        assertTrue(refused.getAttribute("class").contains("pf-m-danger"), () -> "error toast: " + refused.getText());
        assertTrue(refused.getText().contains("https://127.0.0.1:1/no-metadata-here"), refused.getText());
        chromium.screenshot("admin-console-spid-idp-refused");
        assertEquals(404, realm.admin().send("GET", "/" + realm.name + "/identity-provider/instances/" + ALIAS, null).statusCode(),
                "a refused save creates no IdP");

        chromium.driver().navigate().refresh();
        newItem(chromium, console, realm.idp.metadataUrl());
        chromium.screenshot("admin-console-spid-idp-form");
        WebElement saved = console.save();
        assertTrue(saved.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + saved.getText());
        chromium.screenshot("admin-console-spid-idp-added");
    }

    /** Sidebar → spid-idp → Create item, then alias, display name, metadata URL and level 2. */
    private static void newItem(Chromium chromium, AdminConsole console, String metadataUrl) {
        chromium.await(AdminConsole.WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a[href*='page-section/spid-idp']"))).click();
        // an empty list offers "Create item" as a button, a list with items as a toolbar link
        chromium.await(AdminConsole.WAIT).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[self::a or self::button][normalize-space(.)='Create item']"))).click();
        console.field("alias").sendKeys(ALIAS);
        console.field("displayName").sendKeys("Console SPID IdP");
        console.field("metadataUrl").sendKeys(metadataUrl);
        chooseLevel(chromium, "2");
    }

    /** The level is a PatternFly select whose toggle has the field's name as id: open it, click the option. */
    private static void chooseLevel(Chromium chromium, String level) {
        WebElement toggle = chromium.await(AdminConsole.WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("spidLevel")));
        chromium.driver().executeScript("arguments[0].click();", toggle);
        WebElement option = chromium.await(AdminConsole.WAIT).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@role='option' or @role='menuitem'][normalize-space(.)='" + level + "']")));
        chromium.driver().executeScript("arguments[0].click();", option);
    }
}
