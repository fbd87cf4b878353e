package it.spidonly.keycloak.it.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskOperatorLogin;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskRealm;
import it.spidonly.keycloak.testsupport.helpdesk.Proofings;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Two operators at the help-desk web page in headless Chromium: record, self-approval refused, approve, revoke. The
 * realm is made by the admin guide's REST steps; the operators have enrolled their authenticator app at their first
 * login ({@link HelpdeskFixture#setUpByAdmin}) and here type its next code.
 */
class HelpdeskConsoleIT extends HelpdeskRealmPerClass {
    @Override
    HelpdeskFixture helpdeskRealm(KeycloakServer keycloak, GreenMailExtension mail) {
        return HelpdeskFixture.setUpByAdmin(keycloak, mail, "helpdesk-web", "P2Y");
    }

    @Test
    void recordApproveAndRevokeOnThePage() {
        String email = HelpdeskFixture.newEmail("console");
        String number = "5" + (System.nanoTime() % 100_000_000L + 100_000_000L);
        number = number.substring(0, 9);
        LocalDate birth = LocalDate.of(1985, 11, 2);
        LocalDate expiry = LocalDate.now().plusYears(4);
        List<String> mrz = Proofings.td3("CAN", "TREMBLAY", "LOUIS", number, "CAN", birth, 'M', expiry);
        try (Chromium one = new Chromium("en"); Chromium two = new Chromium("it")) {
            signIn(one, HelpdeskRealm.OPERATOR_ONE, fixture.operatorOne);
            WebDriver d = one.driver();
            type(d, "documentNumber", number);
            type(d, "issuingState", "CAN");
            date(d, "issueDate", LocalDate.now().minusYears(6));
            date(d, "expiryDate", expiry);
            type(d, "surname", "Tremblay");
            type(d, "givenNames", "Louis");
            date(d, "birthDate", birth);
            d.findElement(By.cssSelector("#record-form select[name=sex] option[value=M], #record-form select[name=sex] option:nth-child(2)")).click();
            type(d, "nationality", "CAN");
            d.findElement(By.cssSelector("#record-form textarea[name=mrz]")).sendKeys(String.join("\n", mrz));
            type(d, "email", email);
            d.findElement(By.cssSelector("#record-form input[name=emailVerified]")).click();
            d.findElement(By.cssSelector("#record-form input[name=noEuEidStatement]")).click();
            d.findElement(By.id("record-submit")).click();
            String recorded = result(one, "ok");
            assertTrue(recorded.startsWith("Recorded: hd-") && recorded.endsWith("(state PENDING)"), recorded);

            WebElement own = pendingRow(one, email);
            own.findElement(By.cssSelector("button.approve")).click();
            assertEquals("You recorded this proofing: another operator must approve it.", result(one, "error"));

            signIn(two, HelpdeskRealm.OPERATOR_TWO, fixture.operatorTwo);
            pendingRow(two, email).findElement(By.cssSelector("button.approve")).click();
            String approved = result(two, "ok");
            assertTrue(approved.startsWith("Approvata: il codice di attivazione è stato inviato per e-mail: hd-"), approved);
            assertTrue(fixture.lastMailTo(email).contains("Codice di attivazione: "), "the user got the e-mail, in Italian (the page's default)");

            WebDriver t = two.driver();
            t.findElement(By.cssSelector("#search-form input[name=email]")).sendKeys(email);
            t.findElement(By.id("search-submit")).click();
            two.await(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("revoke-form")));
            assertTrue(t.findElement(By.id("found")).getText().contains("Tremblay"), t.findElement(By.id("found")).getText());
            t.findElement(By.id("revoke-submit")).click();
            assertEquals("Campo obbligatorio mancante: reason.", result(two, "error"), "a revocation needs a reason");
            t.findElement(By.cssSelector("#revoke-form input[name=reason]")).sendKeys("richiesta dell'utente");
            t.findElement(By.id("revoke-submit")).click();
            assertTrue(result(two, "ok").startsWith("Revocata: hd-"), "revoked");
        }
        JsonNode record = fixture.one.get("/records?email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)).body().get(0);
        assertEquals("REVOKED", record.path("state").asText());
        assertEquals(HelpdeskRealm.OPERATOR_ONE, record.path("recordedBy").asText());
        assertEquals(HelpdeskRealm.OPERATOR_TWO, record.path("approvedBy").asText());
        assertEquals("richiesta dell'utente", record.path("revocationReason").asText());
        assertEquals("document-number=ok,birth-date=ok,expiry-date=ok,optional-data=ok,composite=ok", record.path("mrzChecks").asText());
    }

    private void signIn(Chromium chromium, String operator, HelpdeskOperatorLogin app) {
        WebDriver d = chromium.driver();
        d.get(HelpdeskRealm.consoleUrl(fixture.keycloak.baseUrl(), fixture.realm));
        try {
            chromium.await(Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        } catch (org.openqa.selenium.TimeoutException e) {
            String source = d.getPageSource();
            throw new AssertionError("no login page at " + d.getCurrentUrl() + ": " + source.substring(0, Math.min(1500, source.length())), e);
        }
        d.findElement(By.id("username")).sendKeys(operator);
        d.findElement(By.id("password")).sendKeys(HelpdeskRealm.OPERATOR_PASSWORD);
        d.findElement(By.cssSelector("#kc-form-login [type=submit], #kc-login")).click();
        // operators log in strongly: the operator client's flow asks for the OTP of their authenticator app
        chromium.await(Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("otp")))
                .sendKeys(app.nextCode());
        d.findElement(By.cssSelector("#kc-otp-login-form [type=submit], #kc-login")).click();
        chromium.await(Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("operator"), operator));
    }

    private static void type(WebDriver d, String name, String value) {
        d.findElement(By.cssSelector("#record-form input[name=" + name + "]")).sendKeys(value);
    }

    /** Date inputs take the value the way a person types it in an en/it Chromium: set it as the page's script would. */
    private static void date(WebDriver d, String name, LocalDate value) {
        WebElement input = d.findElement(By.cssSelector("#record-form input[name=" + name + "]"));
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1];", input, value.toString());
    }

    /** The result line once it shows an answer of this kind ("ok" or "error"), a new one after each click. */
    private static String result(Chromium chromium, String kind) {
        WebDriver d = chromium.driver();
        chromium.await(Duration.ofSeconds(30)).until(driver -> {
            WebElement r = driver.findElement(By.id("result"));
            return kind.equals(r.getAttribute("class")) && !r.getText().equals(r.getAttribute("data-seen")) ? r : null;
        });
        WebElement r = d.findElement(By.id("result"));
        String text = r.getText();
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].setAttribute('data-seen', arguments[1]);", r, text);
        return text;
    }

    private static WebElement pendingRow(Chromium chromium, String email) {
        return chromium.await(Duration.ofSeconds(30)).until(d -> {
            return d.findElements(By.cssSelector("#pending tbody tr")).stream()
                    .filter(row -> email.equals(row.getAttribute("data-email"))).findFirst().orElse(null);
        });
    }
}
