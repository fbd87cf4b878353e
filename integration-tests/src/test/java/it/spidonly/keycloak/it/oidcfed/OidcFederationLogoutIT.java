package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Logout as SPID/CIE OIDC provide it: the ministry app's logout ends the Keycloak session and revokes the OP's access
 * token (RFC 7009, private_key_jwt with aud = the revocation endpoint).
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcFederationLogoutIT {
    private FederationRealm fed;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fed = FederationRealm.create(keycloak, "oidcfedlogout", "spid-oidc");
    }

    @AfterAll
    void close() {
        if (fed != null) {
            fed.close();
        }
    }

    @Test
    void theAppsLogoutEndsTheSessionAndRevokesTheAccessTokenAtTheOp() {
        FederationCitizen citizen = new FederationCitizen(fed);
        OidcTestClient.Tokens tokens = citizen.loginToApp(fed.alias(), "mario.rossi", Map.of("scope", "openid"));
        int revokedBefore = fed.op.revokedTokens().size();

        Page end = citizen.browser.get(fed.realm.realmUrl() + "/protocol/openid-connect/logout?id_token_hint="
                + URLEncoder.encode(tokens.idToken(), StandardCharsets.UTF_8) + "&post_logout_redirect_uri="
                + URLEncoder.encode(AdminGuideRealm.REDIRECT_URI, StandardCharsets.UTF_8));

        assertTrue(end.isRedirect() && end.location().startsWith(AdminGuideRealm.REDIRECT_URI), () -> end + "\n" + end.body());
        assertEquals(revokedBefore + 1, fed.op.revokedTokens().size(), () -> "revoked at the OP; OP refusals " + fed.op.refusals());
        Page again = citizen.toOp(fed.alias(), Map.of("scope", "openid"));
        assertFalse(again.isRedirect() && again.location().startsWith(AdminGuideRealm.REDIRECT_URI), "no session left");
    }
}
