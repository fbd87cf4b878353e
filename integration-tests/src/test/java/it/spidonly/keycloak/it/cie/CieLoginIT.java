package it.spidonly.keycloak.it.cie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * "Entra con CIE" end to end on the real Keycloak, set up the admin-guide way: the ministry app → Keycloak → the test
 * IdP's CIE mode (its login page) → the shared ACS → the app's tokens, at L2 and L3, with the CIE AuthnRequest.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CieLoginIT {
    private static final String L2 = "https://www.spid.gov.it/SpidL2";
    private static final String L3 = "https://www.spid.gov.it/SpidL3";
    private CieRealm realm;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        realm = CieRealm.complete(keycloak, "cie-login");
    }

    @AfterAll
    void close() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    void anL2CitizenLogsInWithCieAndTheRequestFollowsTheCieRules() {
        CieCitizen mario = new CieCitizen(realm);
        OidcTestClient.Tokens l2 = mario.cieLogin("mario.rossi", Map.of("scope", "openid spid"));
        assertEquals(L2, l2.idTokenClaims().getStringClaim("acr"));
        assertEquals("RSSMRA80A01H501U", l2.idTokenClaims().getStringClaim("fiscal_number"));
        assertEquals("1980-01-01", l2.idTokenClaims().getStringClaim("birthdate"));
        assertEquals(CieRealm.CIE_ALIAS, l2.idTokenClaims().getStringClaim("identity_provider"));
        assertEquals("rssmra80a01h501u", l2.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals("MARIO", l2.idTokenClaims().getStringClaim("given_name"));

        ReceivedAuthnRequest request = mario.lastCieRequest();
        assertTrue(request.signatureValid(), request.signatureProblem());
        assertEquals(realm.cieMetadataUrl(), request.issuer(), "the CIE SP's own entityID");
        assertEquals(realm.realm.idp.cieSsoUrl(), request.destination(), "Destination: the SSO Location of the binding used");
        assertTrue(request.forceAuthn(), "CIE: ForceAuthn always");
        assertEquals(Integer.valueOf(0), request.attributeConsumingServiceIndex());
        assertEquals("minimum", request.comparison());
        assertEquals(L2, request.authnContextClassRef());
    }

    @Test
    void anL3CitizenLogsInWithTheCardAndTheAppGetsL3() {
        CieCitizen giulia = new CieCitizen(realm);
        OidcTestClient.Tokens l3 = giulia.cieLogin("giulia.bianchi", Map.of("scope", "openid spid", "acr_values", L3));
        assertEquals(L3, l3.idTokenClaims().getStringClaim("acr"));
        assertEquals(L3, giulia.lastCieRequest().authnContextClassRef());
        assertEquals("BNCGLI92L55F205A", l3.idTokenClaims().getStringClaim("fiscal_number"));

        JsonNode user = realm.admin().findUserByUsername(realm.name(), "bncgli92l55f205a");
        assertEquals("BNCGLI92L55F205A", user.path("attributes").path("fiscalNumber").path(0).asText());
        assertEquals("1992-07-15", user.path("attributes").path("dateOfBirth").path(0).asText());
        JsonNode links = realm.admin().get("/" + realm.name() + "/users/" + user.path("id").asText() + "/federated-identity");
        assertEquals(1, links.size());
        assertEquals(CieRealm.CIE_ALIAS, links.get(0).path("identityProvider").asText());
    }

    /** The Ministry's environments by admin REST with only the environment: the presets fill entityID, endpoints, certificate. */
    @Test
    void theMinistryPresetsAreCreatableByAdminRest() {
        for (String environment : new String[] {"production", "preproduction"}) {
            String alias = "cie-" + environment;
            realm.admin().post("/" + realm.name() + "/identity-provider/instances", Map.of("alias", alias, "displayName", "CIE",
                    "providerId", "cie-saml", "enabled", false, "config", Map.of("cieEnvironment", environment)));
            JsonNode config = realm.admin().get("/" + realm.name() + "/identity-provider/instances/" + alias).path("config");
            String host = environment.equals("production") ? "https://idserver.servizicie.interno.gov.it"
                    : "https://preproduzione.idserver.servizicie.interno.gov.it";
            assertEquals(host + "/idp/profile/SAML2/POST/SSO", config.path("idpEntityId").asText());
            assertEquals(host + "/idp/profile/SAML2/POST/SSO", config.path("singleSignOnServiceUrl").asText());
            assertEquals(host + "/idp/profile/SAML2/Redirect/SLO", config.path("singleLogoutServiceUrl").asText());
            assertTrue(config.path("signingCertificate").asText().startsWith("MII"), config.toString());
        }
        // CIE: the Destination is the SSO Location of the binding used, so HTTP-Redirect requests get the Redirect SSO URL
        realm.admin().post("/" + realm.name() + "/identity-provider/instances", Map.of("alias", "cie-redirect", "displayName", "CIE",
                "providerId", "cie-saml", "enabled", false,
                "config", Map.of("cieEnvironment", "preproduction", "postBindingAuthnRequest", "false")));
        JsonNode redirect = realm.admin().get("/" + realm.name() + "/identity-provider/instances/cie-redirect").path("config");
        assertEquals("https://preproduzione.idserver.servizicie.interno.gov.it/idp/profile/SAML2/Redirect/SSO",
                redirect.path("singleSignOnServiceUrl").asText());
        assertEquals("https://preproduzione.idserver.servizicie.interno.gov.it/idp/profile/SAML2/POST/SSO",
                redirect.path("idpEntityId").asText());
    }

    @Test
    void theCieIdpIsOfTypeCieAndTheRealmGaveItTheSpidFirstLoginFlow() {
        JsonNode idp = realm.admin().get("/" + realm.name() + "/identity-provider/instances/" + CieRealm.CIE_ALIAS);
        assertEquals("cie-saml", idp.path("providerId").asText());
        assertEquals("custom", idp.path("config").path("cieEnvironment").asText());
        assertEquals(realm.realm.idp.cieEntityId(), idp.path("config").path("idpEntityId").asText());
        assertEquals("spid first broker login", realm.admin().get("/" + realm.name() + "/authentication/flows").findValues("alias")
                .stream().map(JsonNode::asText).filter("spid first broker login"::equals).findFirst().orElse(null));
    }
}
