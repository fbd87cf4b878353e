package it.spidonly.keycloak.it.adminpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15, Deliver 3: a first login that fails after the account was made leaves the realm as it was. The failure
 * is one an admin can cause: an IdP mapper that gives every new SPID user a role that no longer exists.
 */
@ExtendWith(KeycloakServer.class)
class NoHalfMadeAccountsIT {

    @Test
    void aFirstLoginThatFailsLeavesNoAccountAndTheRetryStartsClean(KeycloakServer keycloak) {
        try (AdminGuideRealm realm = AdminGuideRealm.empty(keycloak, "adminpath-halfmade", TestUser.demoUsers())
                .realmSettings().serviceProvider().spidIdp().app()) {
            String mappers = "/" + realm.name + "/identity-provider/instances/" + AdminGuideRealm.IDP_ALIAS + "/mappers";
            realm.admin().post("/" + realm.name + "/roles", Map.of("name", "citizen"));
            String mapper = realm.admin().create(mappers, Map.of("name", "every citizen", "identityProviderAlias", AdminGuideRealm.IDP_ALIAS,
                    "identityProviderMapper", "oidc-hardcoded-role-idp-mapper", "config", Map.of("role", "citizen", "syncMode", "INHERIT")));
            realm.admin().delete("/" + realm.name + "/roles/citizen");

            Page failed = new Citizen(realm).spidLogin("mario.rossi", "openid");

            assertFalse(failed.isRedirect() && failed.location().startsWith(AdminGuideRealm.REDIRECT_URI), failed::body);
            assertNull(realm.user("rssmra80a01h501u"), "no half-made account is left behind");

            realm.admin().delete(mappers + "/" + mapper);
            OidcTestClient.Tokens tokens = new Citizen(realm).spidLoginToApp("mario.rossi");
            JsonNode user = realm.user("rssmra80a01h501u");
            assertEquals(user.path("id").asText(), tokens.idTokenClaims().getSubject().getValue());
            assertEquals("RSSMRA80A01H501U", user.path("attributes").path("fiscalNumber").path(0).asText(), user::toString);
        }
    }
}
