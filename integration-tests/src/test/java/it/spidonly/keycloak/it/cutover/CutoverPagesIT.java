package it.spidonly.keycloak.it.cutover;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * What a citizen sees, in headless Chromium with Keycloak's own login theme: the notice with the date before the
 * cutover (login page and INPS PIN page), and after it the explanation, no INPS PIN form, and the refusal.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CutoverPagesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String USER = "marta.gallo";
    private static final String PASSWORD = "Cliclavoro-2018";
    private CutoverFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = CutoverFixture.create(keycloak, "cutover-pages");
        fixture.legacyUser(USER, PASSWORD, null);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void beforeTheCutoverTheLoginAndInpsPinPagesAnnounceTheDate() throws IOException {
        fixture.cutoverAhead();
        String date = LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(30).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ITALIAN));
        try (Chromium chromium = new Chromium()) {
            run(chromium, "pages-before", () -> {
                chromium.open(loginUrl("it"));
                String notice = alert(chromium, "info");
                assertTrue(notice.startsWith("Dal " + date + " non sarà più possibile accedere con user ID e password o con il PIN INPS"), notice);
                assertTrue(chromium.driver().findElement(By.id("password")).isDisplayed(), "the legacy form is there");
                chromium.screenshot("cutover-login-before-desktop");
                chromium.windowSize(Chromium.PHONE).screenshot("cutover-login-before-phone");
                chromium.windowSize(Chromium.DESKTOP);

                toInpsPin(chromium);
                assertTrue(alert(chromium, "info").startsWith("Dal " + date), "the INPS PIN page too");
                assertTrue(chromium.driver().findElement(By.id("fiscalCode")).isDisplayed());
                chromium.screenshot("cutover-inps-pin-before-desktop");
            });
        }
    }

    @Test
    void afterTheCutoverThePagesExplainAndTheLegacyCredentialsAreRefused() throws IOException {
        fixture.cutoverPassed();
        try (Chromium chromium = new Chromium()) {
            run(chromium, "pages-after", () -> {
                chromium.open(loginUrl("it"));
                String explanation = alert(chromium, "warning");
                assertTrue(explanation.startsWith("Dal 15 novembre 2020 non è più possibile accedere con user ID e password né con il PIN INPS."), explanation);
                assertTrue(chromium.driver().getPageSource().contains("SPID test IdP"), "the SPID IdP is still offered");
                chromium.screenshot("cutover-login-after-desktop");
                chromium.windowSize(Chromium.PHONE).screenshot("cutover-login-after-phone");
                chromium.windowSize(Chromium.DESKTOP);

                chromium.driver().findElement(By.id("username")).sendKeys(USER);
                chromium.driver().findElement(By.id("password")).sendKeys(PASSWORD);
                chromium.driver().findElement(By.id("kc-login")).click();
                String refusal = alert(chromium, "danger");
                assertTrue(refusal.contains("Entra con SPID") && refusal.contains("eIDAS") && refusal.contains("Help Desk"), refusal);
                assertFalse(chromium.driver().getCurrentUrl().startsWith(CutoverFixture.REDIRECT_URI));
                chromium.screenshot("cutover-login-refused-desktop");

                toInpsPin(chromium);
                assertTrue(alert(chromium, "warning").startsWith("Dal 15 novembre 2020"));
                assertTrue(chromium.driver().findElements(By.id("kc-inps-pin-form")).isEmpty(), "no INPS PIN form after the cutover");
                chromium.screenshot("cutover-inps-pin-after-desktop");
            });
        }
    }

    private String loginUrl(String language) {
        OidcTestClient app = new OidcTestClient(new HttpBrowser(), fixture.realmUrl(), CutoverFixture.APP, CutoverFixture.REDIRECT_URI);
        return app.authorizationUrl(Map.of("ui_locales", language)).toString();
    }

    private static void toInpsPin(Chromium chromium) {
        chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("try-another-way"))).click();
        chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@role='button'][.//*[contains(normalize-space(.), 'PIN INPS')]]"))).click();
        chromium.await(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "PIN INPS"));
    }

    /** The text of the page's alert, which must be of this kind ("info", "warning", "danger"). */
    private static String alert(Chromium chromium, String kind) {
        WebElement alert = chromium.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pf-v5-c-alert")));
        assertTrue(alert.getAttribute("class").contains("pf-m-" + kind), () -> "a " + kind + " alert: " + alert.getAttribute("class"));
        return alert.findElement(By.cssSelector(".kc-feedback-text")).getText();
    }

    private static void run(Chromium chromium, String name, Runnable steps) throws IOException {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            Files.writeString(chromium.screenshot(name + "-failure").resolveSibling(name + "-failure.html"), chromium.driver().getPageSource());
            throw e;
        }
    }

}
