package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;

/** Drives a citizen's SPID login the way a browser would: app → Keycloak → test IdP → ACS → app. */
final class SpidLoginDriver {
    final HttpBrowser browser = new HttpBrowser().stopAt(SpidRealmFixture.REDIRECT_URI);
    final OidcTestClient app;
    private final SpidRealmFixture fixture;
    /** The last SAMLResponse the IdP's page posted to the ACS (base64). */
    String lastSamlResponse;

    SpidLoginDriver(SpidRealmFixture fixture) {
        this.fixture = fixture;
        this.app = new OidcTestClient(browser, fixture.realmUrl(), SpidRealmFixture.APP, SpidRealmFixture.REDIRECT_URI);
    }

    /** Starts an OIDC login that goes straight to the SPID IdP and returns the IdP's login page. */
    Page startAtIdp(String idpAlias) {
        return startAtIdp(idpAlias, Map.of());
    }

    /** As {@link #startAtIdp(String)}, with more authorization parameters (scope, acr_values, ...). */
    Page startAtIdp(String idpAlias, Map<String, String> params) {
        Map<String, String> all = new java.util.HashMap<>(params);
        all.put("kc_idp_hint", idpAlias);
        Page keycloakPage = browser.get(app.authorizationUrl(all).toString());
        Element form = keycloakPage.element("form");
        assertNotNull(form, () -> "Keycloak should answer with the auto-post form to the IdP: " + keycloakPage);
        return browser.submit(form);
    }

    /** The AuthnRequest the IdP received last. */
    ReceivedAuthnRequest lastRequest() {
        List<ReceivedAuthnRequest> received = fixture.idp.receivedRequests();
        return received.get(received.size() - 1);
    }

    /** Logs in at the IdP's page and posts its answer to the ACS; returns where the browser stopped. */
    Page loginAtIdp(Page idpLoginPage, String username, String password) {
        Element form = idpLoginPage.element("form");
        Page autoPost = browser.submit(form, Map.of("username", username, "password", password));
        assertEquals(200, autoPost.status(), () -> "IdP should answer with the auto-post form: " + autoPost);
        lastSamlResponse = autoPost.element("input[name=SAMLResponse]").attr("value");
        return browser.submit(autoPost.element("form"));
    }

    /** Posts a hand-made SAMLResponse to the ACS, as an IdP's auto-post form would. */
    Page postToAcs(String samlResponse, String relayState) {
        return browser.postForm(fixture.acsUrl(), Map.of("SAMLResponse", samlResponse, "RelayState", relayState));
    }

    OidcTestClient.Tokens fullLogin(String username, String password) {
        return fullLogin(SpidRealmFixture.IDP_ALIAS, Map.of(), username, password);
    }

    OidcTestClient.Tokens fullLogin(String idpAlias, Map<String, String> params, String username, String password) {
        Page end = loginAtIdp(startAtIdp(idpAlias, params), username, password);
        assertEquals(true, end.isRedirect() && end.location().startsWith(SpidRealmFixture.REDIRECT_URI),
                () -> "the app should get its code: " + end + "\n" + end.body());
        return app.exchange(end.location());
    }
}
