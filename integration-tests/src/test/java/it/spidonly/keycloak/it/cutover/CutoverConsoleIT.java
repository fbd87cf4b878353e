package it.spidonly.keycloak.it.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.AdminConsole;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** A ministry admin moves the cutover date and switches it off in the real admin console, in headless Chromium. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CutoverConsoleIT {
    private CutoverFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = CutoverFixture.create(keycloak, "cutover-console");
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void adminMovesTheDateSwitchesTheCutoverOffAndAnUnreadableDateIsRefused() throws IOException {
        try (Chromium chromium = new Chromium()) {
            try {
                editInConsole(chromium);
            } catch (RuntimeException | AssertionError e) {
                Files.writeString(chromium.screenshot("cutover-console-failure").resolveSibling("cutover-console-failure.html"),
                        chromium.driver().getPageSource() + "\n<!-- REST now: " + rest() + " -->");
                throw e;
            }
        }
    }

    private void editInConsole(Chromium chromium) {
        String ahead = CutoverFixture.daysFromNow(30);
        AdminConsole console = AdminConsole.open(chromium, fixture.keycloak.baseUrl(), fixture.name).openItem("spid-cutover", ahead);

        WebElement at = console.field("cutoverAt");
        assertEquals(ahead, at.getAttribute("value"));
        assertEquals("Europe/Rome", console.field("timeZone").getAttribute("value"));
        chromium.screenshot("cutover-console-form");

        AdminConsole.replaceText(at, "2020-11-15T00:00");
        WebElement saved = console.save();
        assertTrue(saved.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + saved.getText());
        assertEquals("2020-11-15T00:00", rest().path("cutoverAt").asText());
        assertEquals("PASSED", rest().path("phase").asText(), "the date moved: the cutover has passed");
        chromium.screenshot("cutover-console-date-moved");

        chromium.driver().navigate().refresh();
        console.field("cutoverAt");
        WebElement enabled = chromium.driver().findElement(By.cssSelector("input[data-testid='enabled'], #enabled"));
        assertTrue(enabled.isSelected(), "the switch shows on");
        chromium.driver().executeScript("arguments[0].click();", enabled);
        WebElement off = console.save();
        assertTrue(off.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + off.getText());
        assertEquals(false, rest().path("enabled").asBoolean());
        assertEquals("OFF", rest().path("phase").asText());
        chromium.screenshot("cutover-console-switched-off");

        chromium.driver().navigate().refresh();
        AdminConsole.replaceText(console.field("cutoverAt"), "15/11/2020");
        WebElement refused = console.save();
        String alert = refused.getText();
        assertTrue(refused.getAttribute("class").contains("pf-m-danger"), () -> "error toast: " + alert);
        assertTrue(alert.contains("15/11/2020") && alert.contains("2020-11-15T00:00"), alert);
        chromium.screenshot("cutover-console-refused");
        assertEquals("2020-11-15T00:00", rest().path("cutoverAt").asText(), "the refused change was not saved");
    }

    private JsonNode rest() {
        return fixture.admin().get("/" + fixture.name + "/spid-cutover");
    }
}
