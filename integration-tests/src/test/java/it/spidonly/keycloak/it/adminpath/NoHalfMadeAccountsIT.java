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
 * is one an admin can cause: a refusing step added after the bundle's in its first-login flow.
 */
@ExtendWith(KeycloakServer.class)
class NoHalfMadeAccountsIT {

    @Test
    void aFirstLoginThatFailsLeavesNoAccountAndTheRetryStartsClean(KeycloakServer keycloak) {
        try (AdminGuideRealm realm = AdminGuideRealm.empty(keycloak, "adminpath-halfmade", TestUser.demoUsers())
                .realmSettings().serviceProvider().spidIdp().app()) {
            // the admin extends the bundle's first-login flow with a step that refuses (Keycloak's "Deny access")
            String flow = "/" + realm.name + "/authentication/flows/spid%20first%20broker%20login/executions";
            realm.admin().post(flow + "/execution", Map.of("provider", "deny-access-authenticator"));
            JsonNode deny = null;
            for (JsonNode execution : realm.admin().get(flow)) {
                if ("deny-access-authenticator".equals(execution.path("providerId").asText())) {
                    deny = execution;
                }
            }
            com.fasterxml.jackson.databind.node.ObjectNode required = deny.deepCopy();
            required.put("requirement", "REQUIRED");
            realm.admin().put(flow, required);

            Page failed = new Citizen(realm).spidLogin("mario.rossi", "openid");

            assertFalse(failed.isRedirect() && failed.location().startsWith(AdminGuideRealm.REDIRECT_URI), failed::body);
            assertNull(realm.user("rssmra80a01h501u"), "no half-made account is left behind");

            realm.admin().delete("/" + realm.name + "/authentication/executions/" + deny.path("id").asText());
            OidcTestClient.Tokens tokens = new Citizen(realm).spidLoginToApp("mario.rossi");
            JsonNode user = realm.user("rssmra80a01h501u");
            assertEquals(user.path("id").asText(), tokens.idTokenClaims().getSubject().getValue());
            assertEquals("RSSMRA80A01H501U", user.path("attributes").path("fiscalNumber").path(0).asText(), user::toString);
        }
    }
}
