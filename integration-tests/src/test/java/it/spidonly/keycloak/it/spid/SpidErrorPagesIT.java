package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpidMessages;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.idp.ResponseMutations;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * A citizen meets the SPID error pages in headless Chromium, in Italian and in English: she cancels at her IdP
 * (ErrorCode nr25) and goes back to the app; a citizen with only level-1 credentials is refused by his IdP
 * (ErrorCode nr20) and chooses another provider; a forged response is refused by a rule. Each page also switches
 * to the other language through the theme's selector. Screenshots go to {@code target/screenshots}.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidErrorPagesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private SpidRealmFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-pages", true);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"it", "en"})
    void spidErrorAndRefusalPagesSpeakTheUsersLanguage(String lang) {
        try (Chromium chromium = new Chromium()) {
            try {
                cancelAtTheIdpAndGoBackToTheApp(chromium, lang);
                levelTooLowAndChooseAnotherProvider(chromium, lang);
                forgedResponseRefused(chromium, lang);
            } catch (RuntimeException | AssertionError e) {
                try {
                    Files.writeString(chromium.screenshot("spid-error-pages-failure-" + lang)
                            .resolveSibling("spid-error-pages-failure-" + lang + ".html"), chromium.driver().getPageSource());
                } catch (IOException io) {
                    e.addSuppressed(io);
                }
                throw e;
            }
        }
    }

    private void cancelAtTheIdpAndGoBackToTheApp(Chromium chromium, String lang) {
        startLogin(chromium, lang);
        click(chromium, "cancel");
        assertSpidErrorPage(chromium, lang, "spidErrorNr25");
        chromium.screenshot("spid-error-nr25-" + lang);
        switchLanguage(chromium, other(lang));
        assertSpidErrorPage(chromium, other(lang), "spidErrorNr25");

        click(chromium, "spid-error-back");
        chromium.await(WAIT).until(d -> d.getCurrentUrl().startsWith(SpidRealmFixture.REDIRECT_URI));
        String url = chromium.driver().getCurrentUrl();
        assertTrue(url.contains("error=access_denied") && url.contains("error_description=SPID+ErrorCode+nr25")
                && url.contains("state="), url);
    }

    private void levelTooLowAndChooseAnotherProvider(Chromium chromium, String lang) {
        startLogin(chromium, lang);
        chromium.driver().findElement(By.id("username")).sendKeys("giuseppe.russo");
        chromium.driver().findElement(By.id("password")).sendKeys("password123");
        click(chromium, "login");
        assertSpidErrorPage(chromium, lang, "spidErrorNr20");
        chromium.screenshot("spid-error-nr20-" + lang);

        click(chromium, "spid-error-choose");
        chromium.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("social-" + SpidRealmFixture.IDP_ALIAS)));
        assertEquals(lang, chromium.driver().findElement(By.tagName("html")).getAttribute("lang"));
    }

    private void forgedResponseRefused(Chromium chromium, String lang) {
        startLogin(chromium, lang);
        ReceivedAuthnRequest request = fixture.idp.receivedRequests().get(fixture.idp.receivedRequests().size() - 1);
        String forged = fixture.idp.buildSamlResponse(request, SpidOutcomes.user("mario.rossi"),
                ResponseMutations.withAudience("https://other-sp.example"));
        chromium.driver().executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                for (const [name, value] of [['SAMLResponse', arguments[1]], ['RelayState', arguments[2]]]) {
                  const input = document.createElement('input');
                  input.type = 'hidden'; input.name = name; input.value = value;
                  form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();""", fixture.acsUrl(), forged, request.relayState());
        WebElement message = chromium.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-error-message")));
        assertEquals(text("spid.assertion.audience", lang), message.getText().trim());
        assertEquals(lang, chromium.driver().findElement(By.tagName("html")).getAttribute("lang"));
        chromium.screenshot("spid-refused-audience-" + lang);
        switchLanguage(chromium, other(lang));
        chromium.await(WAIT).until(d -> text("spid.assertion.audience", other(lang))
                .equals(d.findElement(By.id("kc-error-message")).getText().trim()));
    }

    /** The theme's language selector: the page must come back in the other language, not re-post anything. */
    private static void switchLanguage(Chromium chromium, String lang) {
        Select languages = new Select(chromium.driver().findElement(By.id("login-select-toggle")));
        List<WebElement> options = languages.getOptions();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).getAttribute("value").endsWith("kc_locale=" + lang)) {
                languages.selectByIndex(i);
                break;
            }
        }
        chromium.await(WAIT).until(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    private static String other(String lang) {
        return "it".equals(lang) ? "en" : "it";
    }

    private void startLogin(Chromium chromium, String lang) {
        fixture.idp.clearReceivedRequests();
        OidcTestClient app = new OidcTestClient(new HttpBrowser(), fixture.realmUrl(), SpidRealmFixture.APP, SpidRealmFixture.REDIRECT_URI);
        chromium.open(app.authorizationUrl(Map.of("kc_idp_hint", SpidRealmFixture.IDP_ALIAS, "ui_locales", lang)).toString());
        chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("cancel")));
    }

    private static void click(Chromium chromium, String id) {
        chromium.await(WAIT).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static void assertSpidErrorPage(Chromium chromium, String lang, String messageKey) {
        WebElement message = chromium.await(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("spid-error-message")));
        assertEquals(text(messageKey, lang), message.getText().trim());
        assertEquals(text("spidErrorTitle", lang), chromium.driver().findElement(By.id("spid-error-title")).getText().trim());
        assertEquals(text("spidErrorRetry", lang), chromium.driver().findElement(By.id("spid-error-retry")).getText().trim());
        assertEquals(text("spidErrorChooseAnother", lang), chromium.driver().findElement(By.id("spid-error-choose")).getText().trim());
        assertEquals(text("spidErrorBackToApp", lang), chromium.driver().findElement(By.id("spid-error-back")).getText().trim());
        assertEquals(lang, chromium.driver().findElement(By.tagName("html")).getAttribute("lang"));
    }

    private static String text(String key, String lang) {
        return SpidMessages.format(Problem.of(key), Locale.forLanguageTag(lang));
    }
}
