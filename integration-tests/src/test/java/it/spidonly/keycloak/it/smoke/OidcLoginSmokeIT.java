package it.spidonly.keycloak.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A password login to a plain realm through HttpBrowser and OidcTestClient: proves the cookie jar,
 * form submission, redirect stop and the code exchange against the real server.
 */
@ExtendWith(KeycloakServer.class)
class OidcLoginSmokeIT {

    private static final String REDIRECT_URI = "http://127.0.0.1:9/app/callback";

    private final String realm = "oidc-smoke-" + UUID.randomUUID().toString().substring(0, 8);
    private KeycloakServer keycloak;

    @BeforeEach
    void createRealm(KeycloakServer keycloak) throws Exception {
        this.keycloak = keycloak;
        keycloak.admin().importRealm(new ObjectMapper().writeValueAsString(Map.of(
                "realm", realm, "enabled", true,
                "users", List.of(Map.of("username", "mario.rossi", "enabled", true, "email", "mario@example.org",
                        "emailVerified", true, "firstName", "Mario", "lastName", "Rossi",
                        "credentials", List.of(Map.of("type", "password", "value", "Secret-123", "temporary", false)))))));
    }

    @AfterEach
    void deleteRealm() {
        keycloak.admin().deleteRealm(realm);
    }

    @Test
    void logsInWithCodeFlowAndThenReusesTheSsoSession() {
        HttpBrowser browser = new HttpBrowser();
        OidcTestClient app = new OidcTestClient(browser, keycloak.realmUrl(realm), "smoke-app", REDIRECT_URI);
        keycloak.admin().post("/" + realm + "/clients", app.clientRepresentation());

        Page login = browser.get(app.authorizationUrl().toString());
        assertEquals(200, login.status(), login.toString());
        Page back = browser.submit(login.element("form#kc-form-login"),
                Map.of("username", "mario.rossi", "password", "Secret-123"));

        assertTrue(back.location().startsWith(REDIRECT_URI), back.toString());
        OidcTestClient.Tokens tokens = app.exchange(back.location());
        assertEquals("mario.rossi", tokens.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals(keycloak.realmUrl(realm), tokens.idTokenClaims().getIssuer().getValue());

        // Keycloak's session cookies are Secure on plain http: only sent back if the jar keeps them
        Page again = browser.get(app.authorizationUrl(Map.of("prompt", "none")).toString());
        assertTrue(again.isRedirect() && again.location().startsWith(REDIRECT_URI), again.toString());
        assertEquals("mario.rossi", app.exchange(again.location()).idTokenClaims().getStringClaim("preferred_username"));
    }
}
