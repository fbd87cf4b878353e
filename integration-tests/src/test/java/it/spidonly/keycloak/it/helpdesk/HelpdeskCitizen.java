package it.spidonly.keycloak.it.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.jsoup.nodes.Element;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskRealm;
import it.spidonly.keycloak.testsupport.helpdesk.Totp;

/** A user from a state outside eIDAS at the ministry app's login page, on the help-desk path, as a browser would go. */
final class HelpdeskCitizen {
    final HttpBrowser browser;
    final OidcTestClient app;
    String totpSecret;
    private long lastStep = -1;

    HelpdeskCitizen(HelpdeskFixture fixture, String language) {
        browser = new HttpBrowser().header("Accept-Language", language).stopAt(HelpdeskRealm.APP_REDIRECT_URI);
        app = new OidcTestClient(browser, fixture.realmUrl(), HelpdeskRealm.APP, HelpdeskRealm.APP_REDIRECT_URI);
    }

    Page loginPage() {
        Page page = browser.get(app.authorizationUrl().toString());
        assertEquals(200, page.status(), () -> "login page: " + page);
        return page;
    }

    /**
     * The help-desk entry's form (login theme spid-only, realm attribute spidOnly.helpdeskEntry=form): inside the
     * help-desk section after the cutover; before it (or with no cutover) the page's one credentials form, which the
     * section points to.
     */
    Page submit(Page loginPage, String username, String secret) {
        org.jsoup.nodes.Element form = loginPage.document().selectFirst("#helpdesk-entry form#kc-form-login");
        return browser.submit(form != null ? form : loginPage.element("form#kc-form-login"), Map.of("username", username, "password", secret));
    }

    Page setPassword(Page page, String password, String confirm) {
        return browser.submit(page.element("form#kc-passwd-update-form"), Map.of("password-new", password, "password-confirm", confirm));
    }

    /** Enrols TOTP on Keycloak's setup page, computing the code from the page's secret as an app would. */
    Page enrolTotp(Page page) {
        Element secret = page.element("form#kc-totp-settings-form input[name=totpSecret]");
        totpSecret = secret.attr("value");
        return browser.submit(page.element("form#kc-totp-settings-form"), Map.of("totp", nextCode(), "userLabel", "phone"));
    }

    Page otp(Page page) {
        return browser.submit(page.element("form#kc-otp-login-form"), Map.of("otp", nextCode()));
    }

    /** The same authenticator app on another device (its codes already used stay used). */
    HelpdeskCitizen sameAppAs(HelpdeskCitizen other) {
        totpSecret = other.totpSecret;
        lastStep = other.lastStep;
        return this;
    }

    /** A code never used before (Keycloak accepts each once; its look-ahead window lets the next step's code in). */
    private String nextCode() {
        long step = Math.max(Instant.now().getEpochSecond() / 30, lastStep + 1);
        lastStep = step;
        return Totp.code(totpSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8), step);
    }

    /** Activation code → password → TOTP → back at the app; returns the app's tokens. */
    OidcTestClient.Tokens activate(HelpdeskFixture.Activation activation, String password) {
        Page afterCode = submit(loginPage(), activation.username(), activation.code());
        assertTrue(afterCode.document().selectFirst("form#kc-passwd-update-form") != null, () -> "password page: " + afterCode + "\n" + afterCode.body());
        Page totp = setPassword(afterCode, password, password);
        assertNotNull(totp.document().selectFirst("form#kc-totp-settings-form"), () -> "TOTP page: " + totp + "\n" + message(totp));
        Page end = enrolTotp(totp);
        assertTrue(reachedApp(end), () -> "back at the app: " + end + "\n" + message(end));
        return app.exchange(end.location());
    }

    /** Username + password → OTP page → code → the app's tokens. */
    OidcTestClient.Tokens login(String username, String password) {
        Page otpPage = submit(loginPage(), username, password);
        assertNotNull(otpPage.document().selectFirst("form#kc-otp-login-form"), () -> "OTP page: " + otpPage + "\n" + message(otpPage));
        Page end = otp(otpPage);
        assertTrue(reachedApp(end), () -> "back at the app: " + end + "\n" + message(end));
        return app.exchange(end.location());
    }

    static boolean reachedApp(Page page) {
        return page.isRedirect() && page.location().startsWith(HelpdeskRealm.APP_REDIRECT_URI);
    }

    /** The page's message (Keycloak's alert or field error), or "". */
    static String message(Page page) {
        Element text = page.document().selectFirst("#error-summary, .kc-feedback-text, #input-error, .pf-v5-c-helper-text__item-text, .pf-v5-c-alert__title");
        return text == null ? "" : text.text();
    }
}
