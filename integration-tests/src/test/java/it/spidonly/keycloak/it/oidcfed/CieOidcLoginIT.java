package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * CIE over OIDC Federation end to end: the OP listed as {@code cie-oidc}, the CIE scopes asked for, the response's
 * {@code iss} checked, and the app's ID token carries the fiscal number and {@code acr}.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CieOidcLoginIT {
    private FederationRealm fed;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fed = FederationRealm.create(keycloak, "cieoidc", "cie-oidc");
    }

    @AfterAll
    void close() {
        if (fed != null) {
            fed.close();
        }
    }

    @Test
    void aCieOidcLoginGivesTheAppTheFiscalNumberAndTheLevel() {
        OidcTestClient.Tokens tokens = new FederationCitizen(fed).loginToApp(fed.alias(), "giulia.bianchi", Map.of("scope", "openid spid"));

        assertEquals("cie-oidc", fed.realm.admin().get("/" + fed.name() + "/identity-provider/instances/" + fed.alias()).path("providerId").asText());
        assertEquals("BNCGLI92L55F205A", tokens.idTokenClaims().getStringClaim("fiscal_number"));
        assertEquals("https://www.spid.gov.it/SpidL2", tokens.idTokenClaims().getStringClaim("acr"));
        assertEquals("openid profile email", fed.op.requestObjects().get(fed.op.requestObjects().size() - 1).get("scope"));
    }
}
