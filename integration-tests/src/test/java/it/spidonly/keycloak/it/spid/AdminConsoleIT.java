package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** A ministry admin edits the SPID service provider in the real admin console, in headless Chromium. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final By TOAST = By.cssSelector("[data-testid=global-alerts] .pf-v5-c-alert");
    private SpidRealmFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-console", true);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void adminEditsTheSpidServiceProviderAndInvalidSettingsAreRefused() {
        try (Chromium chromium = new Chromium()) {
            try {
                editInConsole(chromium);
            } catch (RuntimeException | AssertionError e) {
                chromium.screenshot("admin-console-failure");
                try {
                    java.nio.file.Files.writeString(chromium.screenshot("admin-console-failure").resolveSibling("admin-console-failure.html"),
                            chromium.driver().getPageSource() + "\n<!-- config now: " + spConfig() + " -->");
                } catch (java.io.IOException io) {
                    e.addSuppressed(io);
                }
                throw e;
            }
        }
    }

    private void editInConsole(Chromium chromium) {
        {
            chromium.windowSize(Chromium.DESKTOP).open(fixture.keycloak.baseUrl() + "/admin/master/console/#/" + fixture.name());
            chromium.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
            chromium.driver().findElement(By.id("password")).sendKeys("admin");
            chromium.driver().findElement(By.id("kc-login")).click();

            WebElement nav = chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("a[href*='page-section/spid-service-provider']")));
            nav.click();
            chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(By.linkText(fixture.realm.spEntityId()))).click();

            field(chromium, "entityId");
            chromium.screenshot("admin-console-spid-sp-form");
            WebElement email = field(chromium, "contactEmail");
            assertEquals("spid@lavoro.example", email.getAttribute("value"));
            replaceText(email, "helpdesk-spid@lavoro.example");
            WebElement saved = save(chromium);
            assertTrue(saved.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + saved.getText());
            chromium.screenshot("admin-console-spid-sp-saved");

            assertEquals("helpdesk-spid@lavoro.example", spConfig().path("contactEmail").path(0).asText());
            assertTrue(new HttpBrowser().get(fixture.metadataUrl()).body().contains("<md:EmailAddress>helpdesk-spid@lavoro.example</md:EmailAddress>"),
                    "the metadata follows the saved settings");

            chromium.driver().navigate().refresh();
            WebElement ipa = field(chromium, "ipaCode");
            replaceText(ipa, "");
            WebElement refused = save(chromium);
            String alert = refused.getText();
            assertTrue(refused.getAttribute("class").contains("pf-m-danger"), () -> "error toast: " + alert);
            assertTrue(alert.contains("codice IPA"), alert);
            chromium.screenshot("admin-console-spid-sp-refused");
            assertEquals("m_lps", spConfig().path("ipaCode").path(0).asText(), "the refused change was not saved");
        }
    }

    /** A text setting of the page: the admin console renders each as a textarea tagged with the setting's name. */
    private static WebElement field(Chromium chromium, String name) {
        WebElement field = chromium.await(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='" + name + "']")));
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        return field;
    }

    /** Clicks Save and returns the toast the console shows in answer. */
    private static WebElement save(Chromium chromium) {
        chromium.driver().executeScript("document.querySelectorAll('[data-testid=global-alerts] li').forEach(e => e.remove());");
        WebElement save = chromium.driver().findElement(By.cssSelector("[data-testid=save]"));
        chromium.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", save);
        save.click();
        return chromium.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(TOAST));
    }

    private static void replaceText(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    private JsonNode spConfig() {
        for (JsonNode c : fixture.keycloak.admin().get("/" + fixture.name() + "/components?type=org.keycloak.services.ui.extend.UiPageProvider")) {
            if ("spid-service-provider".equals(c.path("providerId").asText())) {
                return c.path("config");
            }
        }
        throw new AssertionError("no SPID SP component");
    }
}
