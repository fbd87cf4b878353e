package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.AdminConsole;
import it.spidonly.keycloak.testsupport.browser.Chromium;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchor;

/**
 * Issue 20, Deliver 1: the relying-party settings page in the admin console (headless Chromium), beside the SPID SP
 * page, as docs/oidc-federation.md ("Configure (admin console)") tells it: the trust anchor and its pinned keys, the
 * federation URIs; saving gives the realm its federation key and the entity configuration is served at once.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelyingPartyConsoleIT {
    private TestTrustAnchor anchor;
    private AdminGuideRealm realm;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        anchor = TestTrustAnchor.start();
        realm = AdminGuideRealm.empty(keycloak, "oidcfed-console", TestUser.demoUsers()).realmSettings().serviceProvider();
    }

    @AfterAll
    void close() {
        realm.close();
        anchor.close();
    }

    @Test
    void anAdminConfiguresTheRelyingPartyInTheConsole() throws IOException {
        try (Chromium chromium = new Chromium()) {
            try {
                AdminConsole console = AdminConsole.open(chromium, realm.keycloak.baseUrl(), realm.name);
                chromium.await(AdminConsole.WAIT).until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("a[href*='page-section/oidcfed-relying-party']"))).click();
                chromium.await(AdminConsole.WAIT).until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[self::a or self::button][contains(normalize-space(.), 'Create item')]"))).click();
                AdminConsole.replaceText(console.field("policyUri"), "https://www.lavoro.gov.it/privacy");
                AdminConsole.replaceText(console.field("logoUri"), "https://www.lavoro.gov.it/logo.svg");
                AdminConsole.replaceText(console.field("trustAnchors"), anchor.entityId() + " " + anchor.jwksJson());
                WebElement saved = console.save();
                assertTrue(saved.getAttribute("class").contains("pf-m-success"), () -> "success toast: " + saved.getText());
                chromium.screenshot("oidcfed-relying-party-saved");
            } catch (RuntimeException | AssertionError e) {
                Files.writeString(chromium.screenshot("oidcfed-relying-party-failure").resolveSibling("oidcfed-relying-party-failure.html"),
                        chromium.driver().getPageSource());
                throw e;
            }
        }
        HttpResponse<String> ec = OidcFederationRealm.get(realm.realmUrl() + "/oidc-federation/.well-known/openid-federation");
        assertEquals(200, ec.statusCode(), ec.body());
        Jws jws = Jws.parse(ec.body());
        assertTrue(jws.verifiesWith(jws.claims().path("jwks")), "signed with the federation key the save created");
        assertEquals(anchor.entityId(), jws.claims().path("authority_hints").get(0).asText());
        assertEquals("https://www.lavoro.gov.it/privacy",
                jws.claims().path("metadata").path("federation_entity").path("policy_uri").asText());
    }
}
