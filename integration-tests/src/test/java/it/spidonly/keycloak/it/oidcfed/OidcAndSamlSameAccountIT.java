package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.it.adminpath.Citizen;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** One person per fiscal number across protocols: a citizen who used SPID SAML first lands in the same account via OIDC. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcAndSamlSameAccountIT {
    private FederationRealm fed;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fed = FederationRealm.create(keycloak, "samloidc", "spid-oidc");
        fed.realm.spidIdp();
    }

    @AfterAll
    void close() {
        if (fed != null) {
            fed.close();
        }
    }

    @Test
    void aCitizenWhoUsedSpidSamlFirstLandsInTheSameAccountThroughSpidOidc() {
        OidcTestClient.Tokens saml = new Citizen(fed.realm).spidLoginToApp("mario.rossi");
        String account = saml.idTokenClaims().getSubject().getValue();

        OidcTestClient.Tokens oidc = new FederationCitizen(fed).loginToApp(fed.alias(), "mario.rossi", Map.of("scope", "openid spid"));

        assertEquals(account, oidc.idTokenClaims().getSubject().getValue(), "the same account");
        assertEquals("RSSMRA80A01H501U", oidc.idTokenClaims().getStringClaim("fiscal_number"));
        JsonNode links = fed.realm.admin().get("/" + fed.name() + "/users/" + account + "/federated-identity");
        Set<String> idps = StreamSupport.stream(links.spliterator(), false).map(l -> l.path("identityProvider").asText())
                .collect(Collectors.toSet());
        assertEquals(Set.of(AdminGuideRealm.IDP_ALIAS, fed.alias()), idps);
        JsonNode users = fed.realm.admin().get("/" + fed.name() + "/users?q=fiscalNumber:RSSMRA80A01H501U");
        assertEquals(1, users.size(), "one person");
        assertTrue(users.path(0).path("id").asText().equals(account));
    }
}
