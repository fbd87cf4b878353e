package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.idp.ResponseMutation;
import it.spidonly.keycloak.testsupport.idp.ResponseMutations;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** A citizen logs in to a ministry app with SPID, end to end on the real Keycloak. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidLoginIT {
    private SpidRealmFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-login", true);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void citizenLogsInWithSpidAndTheAppGetsTokensNamingHer() {
        OidcTestClient.Tokens tokens = new SpidLoginDriver(fixture).fullLogin("mario.rossi", "password123");

        assertEquals("rssmra80a01h501u", tokens.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals("Mario", tokens.idTokenClaims().getStringClaim("given_name"));
        assertEquals("Rossi", tokens.idTokenClaims().getStringClaim("family_name"));

        JsonNode user = fixture.keycloak.admin().findUserByUsername(fixture.name(), "rssmra80a01h501u");
        assertEquals("RSSMRA80A01H501U", user.path("attributes").path("fiscalNumber").path(0).asText());
        assertEquals("1980-01-01", user.path("attributes").path("dateOfBirth").path(0).asText());
        assertFalse(user.path("attributes").path("spidCode").path(0).asText().isBlank());

        JsonNode links = fixture.keycloak.admin().get("/" + fixture.name() + "/users/" + user.path("id").asText() + "/federated-identity");
        assertEquals(1, links.size());
        assertEquals(SpidRealmFixture.IDP_ALIAS, links.path(0).path("identityProvider").asText());
        assertEquals("RSSMRA80A01H501U", links.path(0).path("userId").asText());
    }

    @Test
    void returningCitizenIsTheSameUser() {
        new SpidLoginDriver(fixture).fullLogin("francesca.esposito", "password123");
        String firstId = fixture.keycloak.admin().findUserByUsername(fixture.name(), "spsfnc75c62f839w").path("id").asText();
        OidcTestClient.Tokens again = new SpidLoginDriver(fixture).fullLogin("francesca.esposito", "password123");
        assertEquals("spsfnc75c62f839w", again.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals(firstId, fixture.keycloak.admin().findUserByUsername(fixture.name(), "spsfnc75c62f839w").path("id").asText());
    }

    static Stream<Arguments> forgedResponses() {
        return Stream.of(
                Arguments.of("signature broken after signing", ResponseMutations.tamperAfterSigning()),
                Arguments.of("signed by a key not in the IdP metadata", foreignSignature()),
                Arguments.of("InResponseTo of another request", ResponseMutations.withInResponseTo("_another-request")),
                Arguments.of("Destination is not the ACS", ResponseMutations.withDestination("https://elsewhere.example/acs")),
                Arguments.of("Audience is another SP", ResponseMutations.withAudience("https://other-sp.example")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedResponses")
    void forgedResponseIsRefusedAndNobodyIsLoggedIn(String what, ResponseMutation mutation) {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        driver.startAtIdp(SpidRealmFixture.IDP_ALIAS);
        ReceivedAuthnRequest request = driver.lastRequest();
        TestUser giulia = TestUser.demoUsers().stream().filter(u -> u.username().equals("giulia.bianchi")).findFirst().orElseThrow();

        Page answer = driver.postToAcs(fixture.idp.buildSamlResponse(request, giulia, mutation), request.relayState());

        assertEquals(400, answer.status(), () -> what + ": " + answer);
        assertFalse(answer.isRedirect());
        assertNull(fixture.keycloak.admin().findUserByUsername(fixture.name(), "bncgli92l55f205a"), "no user may be created");
    }

    @Test
    void theUnforgedBaselineOfThoseResponsesIsAccepted() {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        driver.startAtIdp(SpidRealmFixture.IDP_ALIAS);
        ReceivedAuthnRequest request = driver.lastRequest();
        TestUser citizen = TestUser.demoUsers().stream().filter(u -> u.username().equals("giulia.bianchi")).findFirst().orElseThrow();
        Page answer = driver.postToAcs(fixture.idp.buildSamlResponse(request, citizen), request.relayState());
        assertTrue(answer.isRedirect() && answer.location().startsWith(SpidRealmFixture.REDIRECT_URI), () -> answer + "\n" + answer.body());
        fixture.keycloak.admin().delete("/" + fixture.name() + "/users/"
                + fixture.keycloak.admin().findUserByUsername(fixture.name(), "bncgli92l55f205a").path("id").asText());
    }

    private static ResponseMutation foreignSignature() {
        SigningCredential foreign = SigningCredential.generate("not the IdP");
        return ResponseMutations.signedBy(foreign.keyPair(), foreign.certificate());
    }
}
