package it.spidonly.keycloak.it.cie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;

/** A citizen's browser on the ministry app of a {@link CieRealm}: CIE (or SPID) logins through the test IdP. */
final class CieCitizen {
    final HttpBrowser browser = new HttpBrowser().stopAt(AdminGuideRealm.REDIRECT_URI);
    final OidcTestClient app;
    private final CieRealm realm;

    CieCitizen(CieRealm realm) {
        this.realm = realm;
        this.app = new OidcTestClient(browser, realm.realm.realmUrl(), AdminGuideRealm.APP, AdminGuideRealm.REDIRECT_URI);
    }

    /** App → Keycloak → the IdP {@code alias}: the IdP's login page. */
    Page startAt(String alias, Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("kc_idp_hint", alias);
        Page toIdp = browser.get(app.authorizationUrl(all).toString());
        Element form = toIdp.element("form");
        assertNotNull(form, () -> "Keycloak should answer with the auto-post form to the IdP: " + toIdp);
        return browser.submit(form);
    }

    /** Logs in at the IdP's page; the page Keycloak answers after the IdP's response. */
    Page loginAt(Page idpLogin, String username) {
        Page autoPost = browser.submit(idpLogin.element("form"), Map.of("username", username, "password", "password123"));
        assertEquals(200, autoPost.status(), () -> "the IdP should answer with the auto-post form: " + autoPost);
        return browser.submit(autoPost.element("form"));
    }

    /** A whole login at {@code alias} that must end at the app: its tokens. */
    OidcTestClient.Tokens loginToApp(String alias, String username, Map<String, String> params) {
        Page end = loginAt(startAt(alias, params), username);
        assertTrue(end.isRedirect() && end.location().startsWith(AdminGuideRealm.REDIRECT_URI),
                () -> "expected the way back to the app, got " + end + "\n" + end.body());
        return app.exchange(end.location());
    }

    OidcTestClient.Tokens cieLogin(String username, Map<String, String> params) {
        return loginToApp(CieRealm.CIE_ALIAS, username, params);
    }

    OidcTestClient.Tokens spidLogin(String username) {
        return loginToApp(AdminGuideRealm.IDP_ALIAS, username, Map.of("scope", "openid spid"));
    }

    /** The AuthnRequest the test IdP's CIE mode received last. */
    ReceivedAuthnRequest lastCieRequest() {
        List<ReceivedAuthnRequest> received = realm.realm.idp.cieReceivedRequests();
        return received.get(received.size() - 1);
    }

    /** Posts a hand-made SAMLResponse to the realm's ACS, as an IdP's auto-post form would. */
    Page postToAcs(String samlResponse, String relayState) {
        return browser.postForm(realm.realm.realmUrl() + "/spid/acs", Map.of("SAMLResponse", samlResponse, "RelayState", relayState));
    }
}
