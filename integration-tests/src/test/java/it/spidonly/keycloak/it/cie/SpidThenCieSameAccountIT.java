package it.spidonly.keycloak.it.cie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * One person per fiscal number across SPID and CIE: SPID then CIE, CIE then SPID, and a legacy account with the
 * fiscal number, each land in one account linked to both IdPs; the claims have the same shape whichever was used,
 * with the IdP's alias and the level.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidThenCieSameAccountIT {
    private static final List<String> SHAPE = List.of("sub", "preferred_username", "given_name", "family_name", "fiscal_number",
            "birthdate", "identity_provider", "acr");
    private CieRealm realm;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        realm = CieRealm.complete(keycloak, "cie-same-account");
    }

    @AfterAll
    void close() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    void spidThenCieIsOneAccountLinkedToBoth() {
        OidcTestClient.Tokens spid = new CieCitizen(realm).spidLogin("mario.rossi");
        OidcTestClient.Tokens cie = new CieCitizen(realm).cieLogin("mario.rossi", Map.of("scope", "openid spid"));
        assertSamePerson(spid, cie, "RSSMRA80A01H501U");
        assertEquals(AdminGuideRealm.IDP_ALIAS, spid.idTokenClaims().getStringClaim("identity_provider"));
        assertEquals(CieRealm.CIE_ALIAS, cie.idTokenClaims().getStringClaim("identity_provider"));
        assertLinks("rssmra80a01h501u", Set.of(AdminGuideRealm.IDP_ALIAS, CieRealm.CIE_ALIAS));
    }

    @Test
    void cieThenSpidIsOneAccountLinkedToBoth() {
        OidcTestClient.Tokens cie = new CieCitizen(realm).cieLogin("giulia.bianchi", Map.of("scope", "openid spid"));
        OidcTestClient.Tokens spid = new CieCitizen(realm).spidLogin("giulia.bianchi");
        assertSamePerson(cie, spid, "BNCGLI92L55F205A");
        assertLinks("bncgli92l55f205a", Set.of(AdminGuideRealm.IDP_ALIAS, CieRealm.CIE_ALIAS));
    }

    @Test
    void aLegacyAccountWithTheFiscalNumberIsLinkedToCie() {
        String legacyId = realm.realm.legacyUser("luca.legacy", "Legacy-password-1", "NRELCU70B12F205Y");
        OidcTestClient.Tokens cie = new CieCitizen(realm).cieLogin("luca.neri", Map.of("scope", "openid spid"));
        assertEquals(legacyId, cie.idTokenClaims().getSubject().getValue());
        assertEquals("luca.legacy", cie.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals("NRELCU70B12F205Y", cie.idTokenClaims().getStringClaim("fiscal_number"));
        assertLinks("luca.legacy", Set.of(CieRealm.CIE_ALIAS));
    }

    private static void assertSamePerson(OidcTestClient.Tokens first, OidcTestClient.Tokens second, String fiscalNumber) {
        assertEquals(first.idTokenClaims().getSubject(), second.idTokenClaims().getSubject(), "one account");
        for (OidcTestClient.Tokens tokens : List.of(first, second)) {
            for (String claim : SHAPE) {
                assertNotNull(tokens.idTokenClaims().getClaim(claim), claim);
            }
            assertEquals(fiscalNumber, tokens.idTokenClaims().getStringClaim("fiscal_number"));
            assertEquals(fiscalNumber.toLowerCase(java.util.Locale.ROOT), tokens.idTokenClaims().getStringClaim("preferred_username"));
        }
    }

    private void assertLinks(String username, Set<String> aliases) {
        JsonNode user = realm.admin().findUserByUsername(realm.name(), username);
        assertNotNull(user, username);
        Set<String> linked = new TreeSet<>();
        realm.admin().get("/" + realm.name() + "/users/" + user.path("id").asText() + "/federated-identity")
                .forEach(link -> linked.add(link.path("identityProvider").asText()));
        assertEquals(new TreeSet<>(aliases), linked);
        assertEquals(1, realm.admin().get("/" + realm.name() + "/users?q=fiscalNumber:"
                + user.path("attributes").path("fiscalNumber").path(0).asText()).size(), "one account with that fiscal number");
    }
}
