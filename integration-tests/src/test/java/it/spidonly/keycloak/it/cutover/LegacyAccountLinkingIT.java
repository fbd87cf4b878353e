package it.spidonly.keycloak.it.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.CutoverRealm;

/**
 * No one loses their history: after the cutover, a person's first SPID login lands in the legacy account that
 * carries their fiscal number, without any password prompt; accounts of other people are never touched.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyAccountLinkingIT {
    private CutoverFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = CutoverFixture.create(keycloak, "cutover-link");
        fixture.cutoverPassed();
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theFirstSpidLoginLandsInTheLegacyAccountWithTheSameFiscalNumberWithoutAPassword() {
        String legacyId = fixture.legacyUser("mario.rossi.cliclavoro", "Cliclavoro-2015", "RSSMRA80A01H501U");
        // what the legacy account has earned: a role the ministry's apps act on
        fixture.admin().post("/" + fixture.name + "/roles", Map.of("name", "consulente-del-lavoro"));
        JsonNode role = fixture.admin().get("/" + fixture.name + "/roles/consulente-del-lavoro");
        fixture.admin().post("/" + fixture.name + "/users/" + legacyId + "/role-mappings/realm", List.of(role));

        OidcTestClient.Tokens tokens = fixture.spidLoginToApp("mario.rossi");

        assertEquals("mario.rossi.cliclavoro", tokens.idTokenClaims().getStringClaim("preferred_username"), "the legacy account");
        assertEquals(legacyId, tokens.idTokenClaims().getSubject().getValue());
        assertTrue(accessTokenClaims(tokens).path("realm_access").path("roles").toString().contains("consulente-del-lavoro"),
                "its history is kept: the role is in the token");
        JsonNode links = fixture.admin().get("/" + fixture.name + "/users/" + legacyId + "/federated-identity");
        assertEquals(CutoverFixture.IDP_ALIAS, links.path(0).path("identityProvider").asText());
        assertEquals("RSSMRA80A01H501U", links.path(0).path("userId").asText());
        assertNull(fixture.admin().findUserByUsername(fixture.name, "rssmra80a01h501u"), "no second account was created");
        boolean linkEvent = false;
        for (JsonNode e : fixture.events("FEDERATED_IDENTITY_LINK")) {
            linkEvent |= legacyId.equals(e.path("userId").asText()) && CutoverFixture.IDP_ALIAS.equals(e.path("details").path("identity_provider").asText());
        }
        assertTrue(linkEvent, () -> "a FEDERATED_IDENTITY_LINK event for the legacy account: " + fixture.events("FEDERATED_IDENTITY_LINK"));
    }

    @Test
    void theAccountAnInpsPinLoginCreatedIsAlsoTheOneSpidUses() {
        fixture.cutoverAhead();
        fixture.inps.add(it.spidonly.keycloak.testsupport.inps.InpsPerson.of("BNCGLI92L55F205A", "Pin4Giulia1", "Giulia", "Bianchi"));
        assertTrue(PasswordGrant.send(fixture.realmUrl(), CutoverRealm.INPS_GRANT_APP, "BNCGLI92L55F205A", "Pin4Giulia1", "en").ok());
        String inpsAccount = fixture.admin().findUserByUsername(fixture.name, "bncgli92l55f205a").path("id").asText();
        fixture.cutoverPassed();

        OidcTestClient.Tokens tokens = fixture.spidLoginToApp("giulia.bianchi");
        assertEquals(inpsAccount, tokens.idTokenClaims().getSubject().getValue());
    }

    @Test
    void aPersonWithoutALegacyAccountGetsANewOneAndOtherAccountsAreNotTouched() {
        String someoneElse = fixture.legacyUser("lucia.verdi", "Cliclavoro-2017", "VRDLCU80A41H501X");
        OidcTestClient.Tokens tokens = fixture.spidLoginToApp("francesca.esposito");
        assertEquals("spsfnc75c62f839w", tokens.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals(0, fixture.admin().get("/" + fixture.name + "/users/" + someoneElse + "/federated-identity").size());
    }

    private static JsonNode accessTokenClaims(OidcTestClient.Tokens tokens) {
        String payload = tokens.accessToken().split("\\.")[1];
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(payload));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
