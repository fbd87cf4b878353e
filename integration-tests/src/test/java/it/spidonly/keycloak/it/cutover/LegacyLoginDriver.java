package it.spidonly.keycloak.it.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.jsoup.nodes.Element;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;

/** A citizen at the ministry app's login page, using the legacy methods the way a browser would. */
final class LegacyLoginDriver {
    final HttpBrowser browser;
    final OidcTestClient app;

    LegacyLoginDriver(CutoverFixture fixture, String language) {
        browser = new HttpBrowser().header("Accept-Language", language).stopAt(CutoverFixture.REDIRECT_URI);
        app = new OidcTestClient(browser, fixture.realmUrl(), CutoverFixture.APP, CutoverFixture.REDIRECT_URI);
    }

    /** The login page of the ministry app (SPID IdPs, username/password, "try another way" to the INPS PIN). */
    Page loginPage() {
        Page page = browser.get(app.authorizationUrl().toString());
        assertEquals(200, page.status(), () -> "login page: " + page);
        return page;
    }

    Page submitPassword(Page loginPage, String username, String password) {
        return browser.submit(loginPage.element("form#kc-form-login"), Map.of("username", username, "password", password));
    }

    /** From the login page, "try another way", then "INPS PIN". */
    Page inpsPinPage(Page loginPage) {
        Page choices = browser.submit(loginPage.element("form#kc-select-try-another-way-form"));
        for (Element item : choices.document().select("li")) {
            if (item.text().contains("INPS")) {
                return browser.submit(item.selectFirst("form"));
            }
        }
        throw new AssertionError("No INPS PIN choice on " + choices + "\n" + choices.body());
    }

    Page submitPin(Page inpsPage, String fiscalCode, String pin) {
        return browser.submit(inpsPage.element("form#kc-inps-pin-form"), Map.of("fiscalCode", fiscalCode, "pin", pin));
    }

    static boolean reachedApp(Page page) {
        return page.isRedirect() && page.location().startsWith(CutoverFixture.REDIRECT_URI);
    }

    /** The page's message (Keycloak's alert), or "" when there is none. */
    static String message(Page page) {
        Element text = page.document().selectFirst(".kc-feedback-text");
        return text == null ? "" : text.text();
    }

    /** "error", "warning", "info"... from the alert's class, or "". */
    static String messageType(Page page) {
        Element alert = page.document().selectFirst(".pf-v5-c-alert");
        if (alert == null) {
            return "";
        }
        for (String type : new String[] {"danger", "warning", "info", "success"}) {
            if (alert.hasClass("pf-m-" + type)) {
                return type;
            }
        }
        return "";
    }
}
