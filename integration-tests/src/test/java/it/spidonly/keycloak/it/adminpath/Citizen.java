package it.spidonly.keycloak.it.adminpath;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;

/** A citizen's browser on the ministry app of an {@link AdminGuideRealm}: a SPID login through the test IdP. */
public final class Citizen {
    public final HttpBrowser browser = new HttpBrowser().stopAt(AdminGuideRealm.REDIRECT_URI);
    public final OidcTestClient app;
    private final AdminGuideRealm realm;

    public Citizen(AdminGuideRealm realm) {
        this.realm = realm;
        this.app = new OidcTestClient(browser, realm.realmUrl(), AdminGuideRealm.APP, AdminGuideRealm.REDIRECT_URI);
    }

    /** Logs in at the test IdP as {@code idpUsername}; the page Keycloak answers after the IdP's response. */
    public Page spidLogin(String idpUsername, String scope) {
        return spidLogin(idpUsername, Map.of("scope", scope));
    }

    /** As {@link #spidLogin(String, String)}, with these authorization parameters (scope, acr_values, ...). */
    public Page spidLogin(String idpUsername, Map<String, String> params) {
        Map<String, String> all = new java.util.HashMap<>(params);
        all.put("kc_idp_hint", AdminGuideRealm.IDP_ALIAS);
        Page toIdp = authorize(all);
        Page idpLogin = browser.submit(toIdp.element("form"));
        Page autoPost = browser.submit(idpLogin.element("form"), Map.of("username", idpUsername, "password", "password123"));
        return browser.submit(autoPost.element("form"));
    }

    /** A SPID login that must lead straight back to the app (no page of Keycloak's in between); the app's tokens. */
    public OidcTestClient.Tokens spidLoginToApp(String idpUsername) {
        return spidLoginToApp(idpUsername, Map.of("scope", "openid spid"));
    }

    /** As {@link #spidLoginToApp(String)}, with these authorization parameters. */
    public OidcTestClient.Tokens spidLoginToApp(String idpUsername, Map<String, String> params) {
        Page end = spidLogin(idpUsername, params);
        assertTrue(end.isRedirect() && end.location().startsWith(AdminGuideRealm.REDIRECT_URI),
                () -> "expected the way back to the app, got " + end + "\n" + end.body());
        return app.exchange(end.location());
    }

    /** An authorization request in this browser (its SSO cookie, if any): Keycloak's first answer. */
    public Page authorize(Map<String, String> params) {
        return browser.get(app.authorizationUrl(params).toString());
    }

    /** An authorization request SSO must answer at once with the app's code: the app's tokens. */
    public OidcTestClient.Tokens ssoToApp(Map<String, String> params) {
        Map<String, String> all = new java.util.HashMap<>(params);
        all.put("kc_idp_hint", AdminGuideRealm.IDP_ALIAS);
        Page page = authorize(all);
        assertTrue(page.isRedirect() && page.location().startsWith(AdminGuideRealm.REDIRECT_URI),
                () -> "SSO should answer with the app's code at once: " + page + "\n" + page.body());
        return app.exchange(page.location());
    }
}
