package it.spidonly.keycloak.it.eidas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** The login page's "Login with eIDAS" (theme spid-only) leads to FICEP and ends in the app, logged in. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EidasLoginPageIT {
    private EidasRealmFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = EidasRealmFixture.create(keycloak, "eidas-page", "spid-only", false);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void loginWithEidasGoesToFicepBesideTheSpidButton() {
        EidasLoginDriver driver = new EidasLoginDriver(fixture);
        Page login = driver.browser.get(driver.app.authorizationUrl().toString());
        assertEquals(200, login.status(), login::toString);

        Element eidas = login.element("a#eidas-button");
        assertTrue(eidas.attr("href").contains("/broker/" + EidasRealmFixture.FICEP + "/login"), eidas::outerHtml);
        assertNull(login.document().selectFirst("#spid-idp-list #eidas-button"), "not inside the SPID button");
        assertNull(login.document().selectFirst("#spid-idp-list [data-idp-alias=" + EidasRealmFixture.FICEP + "]"), "FICEP is not a SPID IdP");
        assertNotNull(login.document().selectFirst("#spid-idp-list [data-idp-alias=" + EidasRealmFixture.SPID_IDP + "]"),
                "the SPID IdP is under the SPID button");

        Page toFicep = driver.browser.get(login.uri().resolve(eidas.attr("href")).toString());
        Element autoPost = toFicep.element("form");
        assertNotNull(autoPost, toFicep::toString);
        assertEquals(fixture.ficepIdp.ssoUrl(), autoPost.attr("action"), "the browser is sent to FICEP");
        Page ficepLogin = driver.browser.submit(autoPost);
        Page end = driver.loginAtIdp(ficepLogin, "elena.garcia", "password123");

        assertTrue(end.isRedirect() && end.location().startsWith(EidasRealmFixture.REDIRECT_URI), () -> end + "\n" + end.body());
        assertEquals("es/it/02635542y", driver.app.exchange(end.location()).idTokenClaims().getStringClaim("preferred_username"));
        assertEquals(99, EidasLoginDriver.lastRequest(fixture.ficepIdp).attributeConsumingServiceIndex());
    }
}
