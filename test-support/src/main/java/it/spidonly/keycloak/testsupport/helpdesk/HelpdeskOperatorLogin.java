package it.spidonly.keycloak.testsupport.helpdesk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.jsoup.nodes.Element;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;

/**
 * An operator logging in as the operators' web page does (authorization code + PKCE with the client
 * {@code helpdesk-console}, redirect to the page), over HTTP: password, then Keycloak's TOTP setup the first time
 * (the code computed from the page's secret, as an app would) or the OTP code afterwards. Keeps the app's secret
 * and never reuses a code.
 */
public final class HelpdeskOperatorLogin {
    private final String baseUrl;
    private final String realm;
    private final String username;
    private final String password;
    private String totpSecret;
    private long lastStep = -1;

    private HelpdeskOperatorLogin(String baseUrl, String realm, String username, String password) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.username = username;
        this.password = password;
    }

    public static HelpdeskOperatorLogin of(String baseUrl, String realm, String username, String password) {
        return new HelpdeskOperatorLogin(baseUrl, realm, username, password);
    }

    /** A fresh browser's first page after the password: the OTP form, the TOTP setup, or a refusal. */
    public Page afterPassword(String clientId, String redirectUri) {
        HttpBrowser browser = new HttpBrowser().header("Accept-Language", "en").stopAt(redirectUri);
        OidcTestClient client = new OidcTestClient(browser, baseUrl + "/realms/" + realm, clientId, redirectUri);
        Page login = browser.get(client.authorizationUrl().toString());
        Page next = browser.submit(login.element("form#kc-form-login"), Map.of("username", username, "password", password));
        current = new Flow(browser, client, redirectUri);
        return next;
    }

    private record Flow(HttpBrowser browser, OidcTestClient client, String redirectUri) {
    }

    private Flow current;

    /** Logs in at the operators' client: enrols the app when asked, else types the next OTP code; the access token. */
    public String login() {
        String console = HelpdeskRealm.consoleUrl(baseUrl, realm);
        Page page = afterPassword(HelpdeskRealm.OPERATOR_CLIENT, console);
        Element setup = page.document().selectFirst("form#kc-totp-settings-form");
        Page end;
        if (setup != null) {
            totpSecret = page.element("form#kc-totp-settings-form input[name=totpSecret]").attr("value");
            end = current.browser().submit(setup, Map.of("totp", nextCode(), "userLabel", "operator phone"));
        } else {
            Element otp = page.document().selectFirst("form#kc-otp-login-form");
            if (otp == null || totpSecret == null) {
                throw new IllegalStateException("no OTP page for " + username + ": " + page + "\n" + page.body());
            }
            end = current.browser().submit(otp, Map.of("otp", nextCode()));
        }
        return finish(end);
    }

    /** The access token of a login that reached the redirect URI at {@code end}. */
    public String finish(Page end) {
        if (!end.isRedirect() || !end.location().startsWith(current.redirectUri())) {
            throw new IllegalStateException("login of " + username + " did not end at " + current.redirectUri() + ": " + end + "\n" + end.body());
        }
        return current.client().exchange(end.location()).accessToken();
    }

    public String totpSecret() {
        return totpSecret;
    }

    /**
     * A code of the enrolled app never used before (the realm refuses a reused one), within Keycloak's look-ahead
     * window of one step: a third login in the same 30 s waits for the next step. Public for a browser the test
     * drives itself (Chromium), which types it into the OTP form after {@link #login()} has enrolled the app.
     */
    public String nextCode() {
        if (totpSecret == null) {
            throw new IllegalStateException(username + " has not enrolled an authenticator app yet: login() first");
        }
        long step = Math.max(Instant.now().getEpochSecond() / 30, lastStep + 1);
        while (step > Instant.now().getEpochSecond() / 30 + 1) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        lastStep = step;
        return Totp.code(totpSecret.getBytes(StandardCharsets.UTF_8), step);
    }
}
