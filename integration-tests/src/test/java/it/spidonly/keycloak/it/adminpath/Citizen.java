package it.spidonly.keycloak.it.adminpath;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;

/** A citizen's browser on the ministry app of an {@link AdminGuideRealm}: a SPID login through the test IdP. */
final class Citizen {
    final HttpBrowser browser = new HttpBrowser().stopAt(AdminGuideRealm.REDIRECT_URI);
    final OidcTestClient app;
    private final AdminGuideRealm realm;

    Citizen(AdminGuideRealm realm) {
        this.realm = realm;
        this.app = new OidcTestClient(browser, realm.realmUrl(), AdminGuideRealm.APP, AdminGuideRealm.REDIRECT_URI);
    }

    /** Logs in at the test IdP as {@code idpUsername}; the page Keycloak answers after the IdP's response. */
    Page spidLogin(String idpUsername, String scope) {
        Page toIdp = browser.get(app.authorizationUrl(Map.of("kc_idp_hint", AdminGuideRealm.IDP_ALIAS, "scope", scope)).toString());
        Page idpLogin = browser.submit(toIdp.element("form"));
        Page autoPost = browser.submit(idpLogin.element("form"), Map.of("username", idpUsername, "password", "password123"));
        return browser.submit(autoPost.element("form"));
    }

    /** A SPID login that must lead straight back to the app (no page of Keycloak's in between); the app's tokens. */
    OidcTestClient.Tokens spidLoginToApp(String idpUsername) {
        Page end = spidLogin(idpUsername, "openid spid");
        assertTrue(end.isRedirect() && end.location().startsWith(AdminGuideRealm.REDIRECT_URI),
                () -> "expected the way back to the app, got " + end + "\n" + end.body());
        return app.exchange(end.location());
    }
}
