package it.spidonly.keycloak.it.eidas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;

/** Drives a citizen's login the way a browser would: app → Keycloak → (FICEP or SPID) test IdP → ACS → app. */
final class EidasLoginDriver {
    final HttpBrowser browser = new HttpBrowser().stopAt(EidasRealmFixture.REDIRECT_URI);
    final OidcTestClient app;
    private final EidasRealmFixture fixture;

    EidasLoginDriver(EidasRealmFixture fixture) {
        this.fixture = fixture;
        this.app = new OidcTestClient(browser, fixture.realmUrl(), EidasRealmFixture.APP, EidasRealmFixture.REDIRECT_URI);
    }

    /** Starts an OIDC login that goes straight to the IdP and returns the IdP's login page. */
    Page startAtIdp(String idpAlias, Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("kc_idp_hint", idpAlias);
        Page keycloakPage = browser.get(app.authorizationUrl(all).toString());
        Element form = keycloakPage.element("form");
        assertNotNull(form, () -> "Keycloak should answer with the auto-post form to the IdP: " + keycloakPage);
        return browser.submit(form);
    }

    static ReceivedAuthnRequest lastRequest(SpidTestIdp idp) {
        List<ReceivedAuthnRequest> received = idp.receivedRequests();
        return received.get(received.size() - 1);
    }

    /** Logs in at the IdP's page and posts its answer to the ACS; returns where the browser stopped. */
    Page loginAtIdp(Page idpLoginPage, String username, String password) {
        Element form = idpLoginPage.element("form");
        Page autoPost = browser.submit(form, Map.of("username", username, "password", password));
        assertEquals(200, autoPost.status(), () -> "IdP should answer with the auto-post form: " + autoPost);
        return browser.submit(autoPost.element("form"));
    }

    Page postToAcs(String samlResponse, String relayState) {
        return browser.postForm(fixture.acsUrl(), Map.of("SAMLResponse", samlResponse, "RelayState", relayState));
    }

    OidcTestClient.Tokens fullLogin(String idpAlias, Map<String, String> params, String username) {
        Page end = loginAtIdp(startAtIdp(idpAlias, params), username, "password123");
        assertTrue(end.isRedirect() && end.location().startsWith(EidasRealmFixture.REDIRECT_URI),
                () -> "the app should get its code: " + end + "\n" + end.body());
        return app.exchange(end.location());
    }
}
