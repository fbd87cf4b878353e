package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;

/**
 * A citizen's browser on the ministry app (Italian first, as the realm's default): a SPID/CIE login through an OP of
 * the federation.
 */
final class FederationCitizen {
    final HttpBrowser browser = new HttpBrowser().stopAt(AdminGuideRealm.REDIRECT_URI).header("Accept-Language", "it");
    final OidcTestClient app;
    private final FederationRealm realm;

    FederationCitizen(FederationRealm realm) {
        this.realm = realm;
        this.app = new OidcTestClient(browser, realm.realm.realmUrl(), AdminGuideRealm.APP, AdminGuideRealm.REDIRECT_URI);
    }

    /** The OP's login page, reached from the app through Keycloak (a GET with the request object). */
    Page toOp(String alias, Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("kc_idp_hint", alias);
        return browser.get(app.authorizationUrl(all).toString());
    }

    /** Logs in at the OP; what Keycloak answers in the end (the app's redirect, or a page). */
    Page login(String alias, String username, Map<String, String> params) {
        Page opLogin = toOp(alias, params);
        assertTrue(opLogin.status() == 200 && opLogin.body().contains("Test OP"), () -> "the OP's login page: " + opLogin + "\n" + opLogin.body());
        return browser.submit(opLogin.element("form"), Map.of("username", username, "password", "password123"));
    }

    OidcTestClient.Tokens loginToApp(String alias, String username, Map<String, String> params) {
        Page end = login(alias, username, params);
        assertTrue(end.isRedirect() && end.location().startsWith(AdminGuideRealm.REDIRECT_URI),
                () -> "expected the way back to the app, got " + end + "\n" + end.body());
        return app.exchange(end.location());
    }
}
