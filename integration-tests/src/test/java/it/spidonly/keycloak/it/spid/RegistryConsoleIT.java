package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.AdminConsole;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.TestRegistry;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** A ministry admin refreshes the SPID registry from the real admin console, in headless Chromium. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryConsoleIT {
    private static final SigningCredential REGISTRY_KEY = SigningCredential.generate("console test registry");
    private SpidRealmFixture fixture;
    private RegistryAdmin registry;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-registry-console", true);
        registry = new RegistryAdmin(keycloak, fixture.name());
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void adminRefreshesTheRegistryFromThePageSeesItsStatusAndARefusedRegistryChangesNothing() {
        String source = RegistryAdmin.writeFile(TestRegistry.entitiesOf(SpidRegistryIT.bundled()).signedWith(REGISTRY_KEY));
        registry.saveOk(Map.of("source", source, "registryCertificate", REGISTRY_KEY.certificatePem(), "refreshIntervalMinutes", "0"));
        try (Chromium chromium = new Chromium()) {
            try {
                refreshInConsole(chromium, source);
            } catch (RuntimeException | AssertionError e) {
                chromium.screenshot("registry-console-failure");
                throw e;
            }
        }
    }

    private void refreshInConsole(Chromium chromium, String source) {
        AdminConsole console = AdminConsole.open(chromium, fixture.keycloak.baseUrl(), fixture.name()).openItem(RegistryAdmin.PAGE, source);
        WebElement result = console.field("statusResult");
        assertEquals("", result.getAttribute("value"), "never refreshed");
        AdminConsole.replaceText(console.field("statusMessage"), "forged by hand");

        switchOn(chromium, console.field("refreshNow"));
        WebElement saved = console.save();
        assertTrue(saved.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + saved.getText());
        assertEquals(12, registry.managedIdps().size(), "the registry's IdPs are in the realm");
        JsonNode status = registry.status();
        assertEquals("ok", status.path("result").asText());
        assertEquals("admin admin", status.path("trigger").asText());
        assertEquals("12 added, 0 updated, 0 disabled", status.path("message").asText(), "the status is the server's, not the form's");

        chromium.driver().navigate().refresh();
        assertEquals("ok", console.field("statusResult").getAttribute("value"));
        assertTrue(console.field("statusAdded").getAttribute("value").contains("spid-posteid-poste-it"));
        assertEquals("false", String.valueOf(console.field("refreshNow").isSelected()), "the switch is off again");
        console.field("statusLastRefresh");
        chromium.screenshot("admin-console-spid-registry-refreshed");

        // issue 15 finding 8: the console shows the status as text boxes; the label says they are the server's and
        // whatever the admin types there is discarded; the outcome is also in Italian
        assertTrue(chromium.driver().getPageSource().contains("Status (read-only): Last result"), "the label says the field is the server's");
        assertEquals("12 aggiunti, 0 aggiornati, 0 disattivati", console.field("statusMessageIt").getAttribute("value"));
        AdminConsole.replaceText(console.field("statusResult"), "forged in the console");
        WebElement kept = console.save();
        assertTrue(kept.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + kept.getText());
        chromium.driver().navigate().refresh();
        assertEquals("ok", console.field("statusResult").getAttribute("value"), "what the admin typed was discarded");
        assertEquals("ok", registry.status().path("result").asText());

        String stranger = RegistryAdmin.writeFile(TestRegistry.entitiesOf(SpidRegistryIT.bundled())
                .signedWith(SigningCredential.generate("not the registry")));
        AdminConsole.replaceText(console.field("source"), stranger);
        switchOn(chromium, console.field("refreshNow"));
        WebElement refused = console.save();
        String alert = refused.getText();
        assertTrue(refused.getAttribute("class").contains("pf-m-danger"), () -> "error toast: " + alert);
        assertTrue(alert.contains("la firma non"), alert);
        chromium.screenshot("admin-console-spid-registry-refused");
        assertEquals(source, registry.component().path("config").path("source").path(0).asText(), "the refused change was not saved");
        assertEquals(12, registry.managedIdps().size());
    }

    private static void switchOn(Chromium chromium, WebElement toggle) {
        if (!toggle.isSelected()) {
            chromium.driver().executeScript("arguments[0].click();", toggle);
        }
    }
}
