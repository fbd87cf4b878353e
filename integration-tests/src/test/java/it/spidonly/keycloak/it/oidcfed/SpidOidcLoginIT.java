package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * SPID over OIDC Federation end to end (issue 20, items 3 and 4): a realm set up the guide's way, the OP created from
 * the trust anchor's list and resolved through its trust chain, a citizen's login: the app's ID token carries the
 * fiscal number and the SPID level as {@code acr}.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidOidcLoginIT {
    private static final String L1 = "https://www.spid.gov.it/SpidL1";
    private static final String L2 = "https://www.spid.gov.it/SpidL2";
    private static final String L3 = "https://www.spid.gov.it/SpidL3";
    private FederationRealm fed;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fed = FederationRealm.create(keycloak, "spidoidc", "spid-oidc");
    }

    @AfterAll
    void close() {
        if (fed != null) {
            fed.close();
        }
    }

    @Test
    void theOpListRefreshMadeASpidOidcIdentityProviderFromTheTrustAnchorsList() {
        JsonNode idp = fed.realm.admin().get("/" + fed.name() + "/identity-provider/instances/" + fed.alias());
        assertEquals("spid-oidc", idp.path("providerId").asText());
        assertEquals(fed.op.entityId(), idp.path("config").path("opEntityId").asText());
        assertTrue(idp.path("enabled").asBoolean());
        assertEquals("FORCE", idp.path("config").path("syncMode").asText());
        assertEquals("spid first broker login", fed.realm.admin().get("/" + fed.name() + "/authentication/flows").findValues("alias")
                .stream().map(JsonNode::asText).filter("spid first broker login"::equals).findFirst().orElse(null));
    }

    @Test
    void aSpidOidcLoginGivesTheAppTheFiscalNumberAndTheLevel() {
        OidcTestClient.Tokens tokens = new FederationCitizen(fed).loginToApp(fed.alias(), "mario.rossi", Map.of("scope", "openid spid"));

        assertEquals("RSSMRA80A01H501U", tokens.idTokenClaims().getStringClaim("fiscal_number"));
        assertEquals(L2, tokens.idTokenClaims().getStringClaim("acr"));
        JsonNode user = fed.realm.user("rssmra80a01h501u");
        assertEquals("RSSMRA80A01H501U", user.path("attributes").path("fiscalNumber").path(0).asText(), () -> user.toString());
        assertEquals("1980-01-01", user.path("attributes").path("dateOfBirth").path(0).asText(), () -> user.toString());
        assertEquals("Mario", user.path("firstName").asText());

        Map<String, Object> request = fed.op.requestObjects().get(fed.op.requestObjects().size() - 1);
        assertEquals(fed.rpEntityId(), request.get("client_id"), "client_id = the realm's entity id");
        assertEquals(L2, request.get("acr_values"), "the SP's default level");
        assertEquals("S256", request.get("code_challenge_method"));
    }

    @Test
    void anAppAskingForSpidL3GetsAnL3Login() {
        OidcTestClient.Tokens tokens = new FederationCitizen(fed).loginToApp(fed.alias(), "giulia.bianchi",
                Map.of("scope", "openid spid", "acr_values", L3));

        assertEquals(L3, fed.op.requestObjects().get(fed.op.requestObjects().size() - 1).get("acr_values"));
        assertEquals(L3, tokens.idTokenClaims().getStringClaim("acr"));
        assertEquals("BNCGLI92L55F205A", tokens.idTokenClaims().getStringClaim("fiscal_number"));
    }

    /**
     * An address is never shared by two accounts (as over SPID SAML): a legacy account that holds the address the OP
     * sends keeps it, and the citizen's account, new or at a later login (the IdP syncs at every login), does not get it.
     */
    @Test
    void anEmailAnotherAccountUsesIsNeverCopiedToTheCitizensAccount() {
        String address = "giuseppe.russo@example.org";
        fed.realm.admin().create("/" + fed.name() + "/users", Map.of("username", "g.russo.cliclavoro", "enabled", true,
                "email", address, "emailVerified", true));
        for (int login = 1; login <= 2; login++) {
            // a new browser each time: the second login goes to the OP again, and Keycloak syncs the account then
            OidcTestClient.Tokens tokens = new FederationCitizen(fed).loginToApp(fed.alias(), "giuseppe.russo", Map.of("scope", "openid spid", "acr_values", L1));
            assertEquals("RSSGPP68S30L219J", tokens.idTokenClaims().getStringClaim("fiscal_number"));
            JsonNode account = fed.realm.user("rssgpp68s30l219j");
            assertFalse(address.equalsIgnoreCase(account.path("email").asText()), "login " + login + ": " + account);
        }
        assertEquals(address, fed.realm.user("g.russo.cliclavoro").path("email").asText());
    }

    @Test
    void theRelyingPartysRedirectUriIsTheIdentityProvidersBrokerEndpoint() {
        JsonNode ec = fed.entityConfiguration();
        List<String> redirects = ec.path("metadata").path("openid_relying_party").path("redirect_uris").findValuesAsText("redirect_uris");
        String expected = fed.realm.realmUrl() + "/broker/" + fed.alias() + "/endpoint";
        assertTrue(ec.path("metadata").path("openid_relying_party").path("redirect_uris").toString().contains(expected),
                () -> ec.toString() + " " + redirects);
    }
}
