package it.spidonly.keycloak.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import it.spidonly.demo.Demo;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.helpdesk.Proofings;
import it.spidonly.keycloak.testsupport.helpdesk.Totp;

/**
 * The demo as a newcomer walks through it: the demo's own launcher ({@code Demo}, what bin/demo runs) starts the
 * mail catcher, the test IdPs, Keycloak (start-dev, H2) with the realm made through the admin REST API, and the
 * ministry app, on free ports; headless Chromium then goes through every path bin/demo prints, from the ministry
 * app. The screenshots are the README's walkthrough ({@code docs/images/demo/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoWalkthroughIT {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String PASSWORD = "password123";

    Demo demo;
    Path images;

    @BeforeAll
    void start() throws IOException {
        Path target = Path.of(System.getProperty("test.output", "target"));
        images = Path.of(System.getProperty("demo.images.dir", target.resolve("demo-images").toString()));
        Files.createDirectories(images);
        demo = Demo.startOnFreePorts(Path.of(System.getProperty("keycloak.home")), Path.of(System.getProperty("keycloak.providers")),
                target.resolve("demo-walkthrough"));
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            List<ProcessHandle> keycloak = demo.keycloakProcesses();
            demo.close();
            for (ProcessHandle process : keycloak) {
                assertFalse(process.isAlive(), "Keycloak process " + process.pid() + " left behind");
            }
        }
    }

    private void shot(Chromium chromium, String name) {
        Path file = chromium.screenshot("demo-" + name);
        try {
            Files.copy(file, images.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement visible(Chromium chromium, By by) {
        try {
            return chromium.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            String source = chromium.driver().getPageSource();
            throw new AssertionError("no " + by + " at " + chromium.driver().getCurrentUrl() + ":\n"
                    + source.substring(0, Math.min(3000, source.length())), e);
        }
    }

    private void click(Chromium chromium, By by) {
        chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** At a test IdP's (or the eIDAS node's) login page: username and password, then Log in. */
    private void idpLogin(Chromium chromium, String username) {
        visible(chromium, By.id("username")).sendKeys(username);
        chromium.driver().findElement(By.id("password")).sendKeys(PASSWORD);
    }

    private String text(Chromium chromium, String id) {
        return visible(chromium, By.id(id)).getText();
    }

    /** The app's home, "Accedi", Keycloak's login page of the realm. */
    private void toLoginPage(Chromium chromium) {
        chromium.open(demo.appUrl());
        click(chromium, By.id("login"));
        visible(chromium, By.id("spid-only-login"));
    }

    @Test
    @Order(1)
    void spidLevel2ThenLogoutThroughTheIdp() {
        try (Chromium chromium = new Chromium("it")) {
            chromium.open(demo.appUrl());
            visible(chromium, By.id("login"));
            shot(chromium, "01-app-home");
            click(chromium, By.id("login"));
            visible(chromium, By.id("spid-only-login"));
            shot(chromium, "02-login-page");
            click(chromium, By.id("spid-button"));
            List<WebElement> idps = chromium.await(WAIT).until(ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("#spid-idp-list a.spid-only-idp")));
            assertEquals(3, idps.size(), "the three demo SPID IdPs, the registry's disabled");
            shot(chromium, "03-spid-chooser");
            click(chromium, By.id("spid-idp-spid-demo-alfa"));
            idpLogin(chromium, "mario.rossi");
            shot(chromium, "04-spid-test-idp");
            click(chromium, By.id("login"));
            assertEquals("https://www.spid.gov.it/SpidL2", text(chromium, "acr"));
            assertTrue(text(chromium, "protocol").startsWith("SPID"), text(chromium, "how"));
            assertEquals("spid-demo-alfa", text(chromium, "idp"));
            assertTrue(text(chromium, "claims").contains("RSSMRA80A01H501U"), "the fiscal number claim");
            shot(chromium, "05-app-spid-l2");

            click(chromium, By.id("logout"));
            visible(chromium, By.id("login"));
            click(chromium, By.id("login"));
            assertTrue(visible(chromium, By.id("spid-only-login")).isDisplayed(), "after logout Keycloak asks again");
        }
    }

    @Test
    @Order(2)
    void spidStepUpToLevel3() {
        try (Chromium chromium = new Chromium("it")) {
            toLoginPage(chromium);
            click(chromium, By.id("spid-button"));
            click(chromium, By.id("spid-idp-spid-demo-beta"));
            idpLogin(chromium, "giulia.bianchi");
            click(chromium, By.id("login"));
            assertEquals("https://www.spid.gov.it/SpidL2", text(chromium, "acr"));
            click(chromium, By.id("step-up"));
            // Keycloak does not reuse the L2 session for L3: its login page again, then the IdP asked for L3
            chromium.await(WAIT).until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("level")),
                    ExpectedConditions.presenceOfElementLocated(By.id("spid-only-login"))));
            if (!chromium.driver().findElements(By.id("spid-only-login")).isEmpty()) {
                shot(chromium, "06-spid-step-up-login-page");
                click(chromium, By.id("spid-button"));
                click(chromium, By.id("spid-idp-spid-demo-beta"));
            }
            assertTrue(text(chromium, "level").contains("SpidL3"), "the IdP is asked for level 3");
            idpLogin(chromium, "giulia.bianchi");
            shot(chromium, "07-spid-step-up-idp");
            click(chromium, By.id("login"));
            assertEquals("https://www.spid.gov.it/SpidL3", text(chromium, "acr"));
            shot(chromium, "08-app-spid-l3");
        }
    }

    @Test
    @Order(3)
    void spidLevel1IsRefused() {
        try (Chromium chromium = new Chromium("it")) {
            toLoginPage(chromium);
            click(chromium, By.id("spid-button"));
            click(chromium, By.id("spid-idp-spid-demo-gamma"));
            idpLogin(chromium, "giuseppe.russo");
            click(chromium, By.id("login"));
            assertEquals("spidErrorNr20", visible(chromium, By.id("spid-error")).getAttribute("data-spid-error"));
            assertTrue(chromium.driver().getCurrentUrl().startsWith(demo.keycloakUrl()), "stays at Keycloak's error page");
            shot(chromium, "09-spid-l1-refused");
        }
    }

    @Test
    @Order(3)
    void cieLandsInTheSameAccountAsSpid() {
        try (Chromium chromium = new Chromium("it")) {
            toLoginPage(chromium);
            click(chromium, By.cssSelector("a[href*='/broker/cie/login']"));
            idpLogin(chromium, "mario.rossi");
            shot(chromium, "09b-cie-test-idp");
            click(chromium, By.id("login"));
            assertTrue(text(chromium, "protocol").startsWith("CIE"), text(chromium, "how"));
            assertEquals("cie", text(chromium, "idp"));
            assertTrue(text(chromium, "claims").contains("RSSMRA80A01H501U"), "the same person as with SPID");
            shot(chromium, "09c-app-cie");
        }
    }

    @Test
    @Order(4)
    void euCitizenThroughFicep() {
        try (Chromium chromium = new Chromium("en")) {
            toLoginPage(chromium);
            click(chromium, By.id("eidas-button"));
            visible(chromium, By.id("eidas-idp-list"));
            shot(chromium, "10-eidas-chooser");
            click(chromium, By.id("eidas-idp-ficep"));
            idpLogin(chromium, "elena.garcia");
            click(chromium, By.id("login"));
            assertTrue(text(chromium, "protocol").contains("FICEP"), text(chromium, "how"));
            assertTrue(text(chromium, "claims").contains("ES/IT/02635542Y"), "the eIDAS person identifier");
            shot(chromium, "11-app-eidas-ficep");
        }
    }

    @Test
    @Order(5)
    void euCitizenThroughAnEidasNode() {
        try (Chromium chromium = new Chromium("en")) {
            toLoginPage(chromium);
            click(chromium, By.id("eidas-button"));
            click(chromium, By.id("eidas-idp-eidas-es"));
            idpLogin(chromium, "jordi.puig");
            shot(chromium, "12-eidas-node");
            click(chromium, By.id("login"));
            assertEquals("http://eidas.europa.eu/LoA/high", text(chromium, "acr"));
            assertTrue(text(chromium, "protocol").contains("nodo"), text(chromium, "how"));
            assertTrue(text(chromium, "claims").contains("ES/IT/71536284M"));
            shot(chromium, "13-app-eidas-node");
        }
    }

    @Test
    @Order(6)
    void legacyPasswordWorksBeforeTheCutoverAndIsRefusedAfterIt() {
        try (Chromium chromium = new Chromium("it")) {
            chromium.open(demo.appUrl());
            click(chromium, By.id("login"));
            visible(chromium, By.id("legacy-login"));
            shot(chromium, "14-legacy-before-cutover");
            chromium.driver().findElement(By.cssSelector("#legacy-login input[name=username]")).sendKeys("lucia.ferrari");
            chromium.driver().findElement(By.cssSelector("#legacy-login input[name=password]")).sendKeys("Cliclavoro-2019");
            click(chromium, By.cssSelector("#legacy-login #kc-login"));
            assertTrue(text(chromium, "protocol").contains("cliclavoro"), text(chromium, "how"));
            shot(chromium, "15-app-legacy");
            click(chromium, By.id("logout"));
            visible(chromium, By.id("login"));
        }
        demo.cutover(true);
        try (Chromium chromium = new Chromium("it")) {
            chromium.open(demo.appUrl());
            click(chromium, By.id("login"));
            visible(chromium, By.id("spid-only-explanation"));
            assertTrue(chromium.driver().findElements(By.cssSelector("#legacy-login")).isEmpty(), "no password form after the cutover");
            shot(chromium, "16-legacy-after-cutover");
            // the help-desk form is still there: the legacy password typed into it is refused with the cutover's text
            click(chromium, By.id("helpdesk-button"));
            chromium.driver().findElement(By.cssSelector("#helpdesk-panel input[name=username]")).sendKeys("lucia.ferrari");
            chromium.driver().findElement(By.cssSelector("#helpdesk-panel input[name=password]")).sendKeys("Cliclavoro-2019");
            click(chromium, By.cssSelector("#helpdesk-panel #kc-login"));
            visible(chromium, By.id("spid-only-login"));
            String page = chromium.driver().findElement(By.tagName("body")).getText();
            assertTrue(page.contains("non è più possibile accedere con user ID e password"), () -> "refused with the cutover's message: " + page);
        } finally {
            demo.cutover(false);
        }
    }

    @Test
    @Order(7)
    void helpDeskCredentialsFromProofingToLogin() {
        String email = "louis.tremblay@example.ca";
        String number = "K" + (System.nanoTime() % 90_000_000L + 10_000_000L);
        LocalDate birth = LocalDate.of(1985, 11, 2);
        LocalDate expiry = LocalDate.now().plusYears(4);
        String secretA = enrolOperator("operatore.anna");
        String secretB = enrolOperator("operatore.bruno");
        try (Chromium one = new Chromium("it")) {
            operatorSignIn(one, "operatore.anna", secretA);
            var d = one.driver();
            type(d, "documentNumber", number);
            type(d, "issuingState", "CAN");
            date(d, "issueDate", LocalDate.now().minusYears(6));
            date(d, "expiryDate", expiry);
            type(d, "surname", "Tremblay");
            type(d, "givenNames", "Louis");
            date(d, "birthDate", birth);
            d.findElement(By.cssSelector("#record-form select[name=sex] option[value=M], #record-form select[name=sex] option:nth-child(2)")).click();
            type(d, "nationality", "CAN");
            d.findElement(By.cssSelector("#record-form textarea[name=mrz]")).sendKeys(String.join("\n",
                    Proofings.td3("CAN", "TREMBLAY", "LOUIS", number, "CAN", birth, 'M', expiry)));
            type(d, "email", email);
            d.findElement(By.cssSelector("#record-form input[name=emailVerified]")).click();
            d.findElement(By.cssSelector("#record-form input[name=noEuEidStatement]")).click();
            shot(one, "17-helpdesk-record");
            d.findElement(By.id("record-submit")).click();
            one.await(WAIT).until(ExpectedConditions.attributeToBe(By.id("result"), "class", "ok"));
            assertTrue(d.findElement(By.id("result")).getText().contains("hd-"), d.findElement(By.id("result")).getText());
        }
        try (Chromium two = new Chromium("it")) {
            operatorSignIn(two, "operatore.bruno", secretB);
            WebElement row = two.await(WAIT).until(d -> d.findElements(By.cssSelector("#pending tbody tr")).stream()
                    .filter(r -> email.equals(r.getAttribute("data-email"))).findFirst().orElse(null));
            shot(two, "18-helpdesk-approve");
            row.findElement(By.cssSelector("button.approve")).click();
            two.await(WAIT).until(ExpectedConditions.attributeToBe(By.id("result"), "class", "ok"));
        }
        String username;
        String code;
        try (Chromium mail = new Chromium("it")) {
            mail.open(demo.mailUrl());
            String text = visible(mail, By.cssSelector("article.mail pre")).getText();
            shot(mail, "19-mail-catcher");
            Matcher user = Pattern.compile("Nome utente: (hd-[a-z0-9]+)").matcher(text);
            Matcher activation = Pattern.compile("Codice di attivazione: (\\S+)").matcher(text);
            assertTrue(user.find() && activation.find(), text);
            username = user.group(1);
            code = activation.group(1);
        }
        String totpSecret;
        try (Chromium chromium = new Chromium("it")) {
            toLoginPage(chromium);
            helpdeskForm(chromium, username, code);
            visible(chromium, By.id("kc-passwd-update-form"));
            chromium.driver().findElement(By.id("password-new")).sendKeys("Tremblay-Ottawa-2026");
            chromium.driver().findElement(By.id("password-confirm")).sendKeys("Tremblay-Ottawa-2026");
            shot(chromium, "20-helpdesk-set-password");
            chromium.driver().findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
            totpSecret = visible(chromium, By.id("kc-totp-settings-form")).findElement(By.name("totpSecret")).getAttribute("value");
            chromium.driver().findElement(By.id("totp")).sendKeys(Totp.code(totpSecret, Instant.now()));
            shot(chromium, "21-helpdesk-totp");
            chromium.driver().findElement(By.cssSelector("#kc-totp-settings-form [type=submit]")).click();
            assertTrue(text(chromium, "protocol").contains("Help Desk"), text(chromium, "how"));
        }
        try (Chromium chromium = new Chromium("it")) {
            toLoginPage(chromium);
            helpdeskForm(chromium, username, "Tremblay-Ottawa-2026");
            visible(chromium, By.id("otp")).sendKeys(Totp.code(totpSecret, Instant.now().plusSeconds(30)));
            chromium.driver().findElement(By.cssSelector("#kc-otp-login-form [type=submit]")).click();
            assertTrue(text(chromium, "protocol").contains("Help Desk"), text(chromium, "how"));
            assertTrue(text(chromium, "acr").contains("helpdesk"), text(chromium, "acr"));
            shot(chromium, "22-app-helpdesk");
        }
    }

    @Test
    @Order(8)
    void theAdminConsoleShowsEveryPageOfOurs() {
        try (Chromium chromium = new Chromium("en")) {
            chromium.open(demo.adminConsoleUrl());
            visible(chromium, By.id("username")).sendKeys("admin");
            chromium.driver().findElement(By.id("password")).sendKeys("admin");
            chromium.driver().findElement(By.id("kc-login")).click();
            page(chromium, "spid-service-provider", "23-admin-spid-sp");
            page(chromium, "spid-registry", "24-admin-spid-registry");
            page(chromium, "spid-cutover", "25-admin-spid-cutover");
            page(chromium, "spid-helpdesk", "26-admin-helpdesk");
            chromium.open(demo.adminConsoleUrl() + "/identity-providers");
            visible(chromium, By.linkText("Demo SPID Alfa"));
            shot(chromium, "27-admin-identity-providers");
        }
    }

    /** The realm sidebar's entry of one of our pages, then its one item (what the demo saved there). */
    private void page(Chromium chromium, String provider, String shot) {
        chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href*='page-section/" + provider + "']"))).click();
        chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("table tbody a"))).click();
        visible(chromium, By.cssSelector("[data-testid=save]"));
        shot(chromium, shot);
    }

    /** The help-desk form of the login page (the page's one credentials form before the cutover). */
    private void helpdeskForm(Chromium chromium, String username, String secret) {
        List<WebElement> inside = chromium.driver().findElements(By.cssSelector("#helpdesk-entry form#kc-form-login"));
        WebElement form = inside.isEmpty() ? chromium.driver().findElement(By.cssSelector("form#kc-form-login")) : inside.get(0);
        if (!form.isDisplayed() && !chromium.driver().findElements(By.id("helpdesk-button")).isEmpty()) {
            chromium.driver().findElement(By.id("helpdesk-button")).click();
        }
        form.findElement(By.name("username")).sendKeys(username);
        form.findElement(By.name("password")).sendKeys(secret);
        form.findElement(By.cssSelector("[type=submit]")).click();
    }

    /** The operator's first login: password, then the authenticator app's enrolment; returns the TOTP secret. */
    private String enrolOperator(String operator) {
        try (Chromium chromium = new Chromium("it")) {
            chromium.open(demo.helpdeskConsoleUrl());
            visible(chromium, By.id("username")).sendKeys(operator);
            chromium.driver().findElement(By.id("password")).sendKeys("Operatore-2026");
            chromium.driver().findElement(By.id("kc-login")).click();
            String secret = visible(chromium, By.id("kc-totp-settings-form")).findElement(By.name("totpSecret")).getAttribute("value");
            chromium.driver().findElement(By.id("totp")).sendKeys(Totp.code(secret, Instant.now()));
            chromium.driver().findElement(By.cssSelector("#kc-totp-settings-form [type=submit]")).click();
            chromium.await(WAIT).until(ExpectedConditions.urlContains("/helpdesk-console/"));
            return secret;
        }
    }

    /** A later login of an enrolled operator: password and the app's code. */
    private void operatorSignIn(Chromium chromium, String operator, String secret) {
        chromium.open(demo.helpdeskConsoleUrl());
        visible(chromium, By.id("username")).sendKeys(operator);
        chromium.driver().findElement(By.id("password")).sendKeys("Operatore-2026");
        chromium.driver().findElement(By.id("kc-login")).click();
        visible(chromium, By.id("otp")).sendKeys(Totp.code(secret, Instant.now().plusSeconds(30)));
        chromium.driver().findElement(By.cssSelector("#kc-otp-login-form [type=submit], #kc-login")).click();
        chromium.await(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("operator"), operator));
    }

    private static void type(org.openqa.selenium.WebDriver d, String name, String value) {
        d.findElement(By.cssSelector("#record-form input[name=" + name + "]")).sendKeys(value);
    }

    private static void date(org.openqa.selenium.WebDriver d, String name, LocalDate value) {
        WebElement input = d.findElement(By.cssSelector("#record-form input[name=" + name + "]"));
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1];", input, value.toString());
    }
}
