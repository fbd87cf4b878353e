package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.AdminConsole;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** A ministry admin edits the SPID service provider in the real admin console, in headless Chromium. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleIT {
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
        AdminConsole console = AdminConsole.open(chromium, fixture.keycloak.baseUrl(), fixture.name())
                .openItem("spid-service-provider", fixture.realm.spEntityId());

        console.field("entityId");
        chromium.screenshot("admin-console-spid-sp-form");
        WebElement email = console.field("contactEmail");
        assertEquals("spid@lavoro.example", email.getAttribute("value"));
        AdminConsole.replaceText(email, "helpdesk-spid@lavoro.example");
        WebElement saved = console.save();
        assertTrue(saved.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + saved.getText());
        chromium.screenshot("admin-console-spid-sp-saved");

        assertEquals("helpdesk-spid@lavoro.example", spConfig().path("contactEmail").path(0).asText());
        assertTrue(new HttpBrowser().get(fixture.metadataUrl()).body().contains("<md:EmailAddress>helpdesk-spid@lavoro.example</md:EmailAddress>"),
                "the metadata follows the saved settings");

        chromium.driver().navigate().refresh();
        WebElement ipa = console.field("ipaCode");
        AdminConsole.replaceText(ipa, "");
        WebElement refused = console.save();
        String alert = refused.getText();
        assertTrue(refused.getAttribute("class").contains("pf-m-danger"), () -> "error toast: " + alert);
        assertTrue(alert.contains("codice IPA"), alert);
        chromium.screenshot("admin-console-spid-sp-refused");
        assertEquals("m_lps", spConfig().path("ipaCode").path(0).asText(), "the refused change was not saved");
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
