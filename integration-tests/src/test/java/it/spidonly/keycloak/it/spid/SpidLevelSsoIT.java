package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15, finding 7: the level of a SPID login is kept for the session. A later authorization request served by
 * SSO carries it as {@code acr}; {@code acr_values} the session satisfies reuses it without a new SPID login; a
 * higher one makes a new SPID login at that level.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidLevelSsoIT {
    private static final String L2 = "https://www.spid.gov.it/SpidL2";
    private static final String L3 = "https://www.spid.gov.it/SpidL3";

    private SpidRealmFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-level-sso", true);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void anL2SessionIsReusedAtL2AndSteppedUpToL3ByANewSpidLogin() {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        OidcTestClient.Tokens first = driver.fullLogin(SpidRealmFixture.IDP_ALIAS, Map.of("acr_values", L2), "giulia.bianchi", "password123");
        assertEquals(L2, first.idTokenClaims().getStringClaim("acr"));
        int requests = fixture.idp.receivedRequests().size();

        OidcTestClient.Tokens sso = ssoLogin(driver, Map.of());
        assertEquals(L2, sso.idTokenClaims().getStringClaim("acr"), "SSO reuse keeps the level achieved");
        assertEquals(requests, fixture.idp.receivedRequests().size(), "no SPID round trip for SSO");

        OidcTestClient.Tokens askedL2 = ssoLogin(driver, Map.of("acr_values", L2));
        assertEquals(L2, askedL2.idTokenClaims().getStringClaim("acr"));
        assertEquals(requests, fixture.idp.receivedRequests().size(), "acr_values=SpidL2 is satisfied by the L2 session");

        Page idpPage = driver.browser.submit(autoPostToIdp(driver, Map.of("acr_values", L3)));
        assertEquals(L3, driver.lastRequest().authnContextClassRef(), "a new SPID login at L3");
        Page end = driver.loginAtIdp(idpPage, "giulia.bianchi", "password123");
        assertTrue(end.isRedirect() && end.location().startsWith(SpidRealmFixture.REDIRECT_URI), end::toString);
        assertEquals(L3, driver.app.exchange(end.location()).idTokenClaims().getStringClaim("acr"));

        OidcTestClient.Tokens afterStepUp = ssoLogin(driver, Map.of());
        assertEquals(L3, afterStepUp.idTokenClaims().getStringClaim("acr"), "the stepped-up session is reused at L3");
    }

    /** An authorization request in the same browser (SSO cookie) that must come back to the app with a code at once. */
    private static OidcTestClient.Tokens ssoLogin(SpidLoginDriver driver, Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("kc_idp_hint", SpidRealmFixture.IDP_ALIAS);
        Page page = driver.browser.get(driver.app.authorizationUrl(all).toString());
        assertTrue(page.isRedirect() && page.location().startsWith(SpidRealmFixture.REDIRECT_URI),
                () -> "SSO should answer with the app's code at once: " + page + "\n" + page.body());
        return driver.app.exchange(page.location());
    }

    private static org.jsoup.nodes.Element autoPostToIdp(SpidLoginDriver driver, Map<String, String> params) {
        Map<String, String> all = new HashMap<>(params);
        all.put("kc_idp_hint", SpidRealmFixture.IDP_ALIAS);
        Page page = driver.browser.get(driver.app.authorizationUrl(all).toString());
        org.jsoup.nodes.Element form = page.element("form");
        assertNotNull(form, () -> "a step-up should go to the SPID IdP: " + page + "\n" + page.body());
        return form;
    }
}
