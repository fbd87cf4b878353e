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

import it.spidonly.keycloak.testsupport.browser.AdminConsole;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15, finding 4: an admin adds one SPID IdP in the real admin console (headless Chromium) from its metadata URL,
 * with no client id or secret, on the bundle's "spid-idp" page; a citizen then logs in through it. A bad URL is
 * refused with a clear message and creates nothing.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidIdpConsoleIT {
    private static final String ALIAS = "console-spid-idp";

    private SpidRealmFixture fixture;
    private SpidTestIdp second;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-idp-console", true);
        second = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0).users(TestUser.demoUsers()).generatedSigningKey()
                .spMetadataUrl(fixture.metadataUrl()).build());
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
    void adminAddsASpidIdpFromItsMetadataUrlInTheConsoleAndACitizenLogsInThroughIt() {
        try (Chromium chromium = new Chromium()) {
            try {
                addInConsole(chromium);
            } catch (RuntimeException | AssertionError e) {
                chromium.screenshot("spid-idp-console-failure");
                throw e;
            }
        }
        JsonNode idp = fixture.keycloak.admin().get("/" + fixture.name() + "/identity-provider/instances/" + ALIAS);
        assertEquals("spid-saml", idp.path("providerId").asText());
        assertEquals(second.entityId(), idp.path("config").path("idpEntityId").asText());
        assertEquals("2", idp.path("config").path("spidLevel").asText());

        OidcTestClient.Tokens tokens = new SpidLoginDriver(fixture).fullLogin(ALIAS, Map.of(), "mario.rossi", "password123");
        assertEquals("https://www.spid.gov.it/SpidL2", tokens.idTokenClaims().getStringClaim("acr"));
        assertEquals(ALIAS, fixture.keycloak.admin().get("/" + fixture.name() + "/users/"
                + fixture.keycloak.admin().findUserByUsername(fixture.name(), "rssmra80a01h501u").path("id").asText()
                + "/federated-identity").path(0).path("identityProvider").asText());
    }

    /** Finding 11: the SP page shows where its metadata is, written by the server on every save. */
    @Test
    void theSpPageShowsItsMetadataUrlWrittenByTheServer() {
        try (Chromium chromium = new Chromium()) {
            try {
                AdminConsole console = AdminConsole.open(chromium, fixture.keycloak.baseUrl(), fixture.name())
                        .openItem("spid-service-provider", fixture.realm.spEntityId());
                console.field("entityId");
                WebElement saved = console.save();
                assertTrue(saved.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + saved.getText());
                chromium.driver().navigate().refresh();
                WebElement url = console.field("metadataUrl");
                assertEquals(fixture.metadataUrl(), url.getAttribute("value"));
                chromium.screenshot("admin-console-spid-sp-metadata-url");
                // Keycloak's console renders the read-only flag of a text field as editable: what is typed is replaced
                AdminConsole.replaceText(url, "https://forged.example/metadata");
                WebElement again = console.save();
                assertTrue(again.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + again.getText());
                chromium.driver().navigate().refresh();
                assertEquals(fixture.metadataUrl(), console.field("metadataUrl").getAttribute("value"), "the server's URL, not the typed one");
            } catch (RuntimeException | AssertionError e) {
                chromium.screenshot("spid-sp-metadata-url-failure");
                throw e;
            }
        }
    }

    private void addInConsole(Chromium chromium) {
        AdminConsole console = AdminConsole.open(chromium, fixture.keycloak.baseUrl(), fixture.name());
        newItem(chromium, console, "https://127.0.0.1:1/no-metadata-here");
        WebElement refused = console.save();
        assertTrue(refused.getAttribute("class").contains("pf-m-danger"), () -> "error toast: " + refused.getText());
        assertTrue(refused.getText().contains("https://127.0.0.1:1/no-metadata-here"), refused.getText());
        chromium.screenshot("admin-console-spid-idp-refused");
        assertEquals(404, fixture.keycloak.admin().send("GET", "/" + fixture.name() + "/identity-provider/instances/" + ALIAS, null).statusCode(),
                "a refused save creates no IdP");

        chromium.driver().navigate().refresh();
        newItem(chromium, console, second.metadataUrl());
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
