package it.spidonly.keycloak.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Headless Chromium reaches the server and renders its login page, on a desktop and on a phone. */
@ExtendWith(KeycloakServer.class)
class ChromiumSmokeIT {

    @Test
    void adminConsoleLeadsToTheLoginPage(KeycloakServer keycloak) throws Exception {
        try (Chromium chromium = new Chromium()) {
            chromium.windowSize(Chromium.DESKTOP).open(keycloak.baseUrl() + "/admin/master/console/");
            assertEquals(Chromium.DESKTOP, chromium.viewport());
            chromium.await(Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));

            assertEquals("Sign in to Keycloak", chromium.driver().getTitle());
            assertTrue(chromium.driver().findElement(By.id("password")).isDisplayed());
            assertPng(chromium.screenshot("admin-login-desktop"));

            chromium.windowSize(Chromium.PHONE);
            assertEquals(Chromium.PHONE, chromium.viewport());
            assertTrue(chromium.driver().findElement(By.id("username")).isDisplayed());
            assertPng(chromium.screenshot("admin-login-phone"));
        }
    }

    private static void assertPng(Path file) throws Exception {
        byte[] header = new byte[8];
        try (var in = Files.newInputStream(file)) {
            assertEquals(8, in.read(header));
        }
        assertEquals((byte) 0x89, header[0]);
        assertEquals("PNG", new String(header, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
