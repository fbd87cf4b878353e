package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;

/**
 * Issue 19: at the shared ACS the IdP is found by the Response's Issuer (its entityID) through the realm's index,
 * whatever the number of IdPs: in a realm of 60 SPID IdPs added by the admin REST API the right one is chosen, and
 * after an admin edits entityIDs (the test IdP's entityID moves from one IdP to another) the next Response is
 * handed to the IdP that has it now, at once.
 */
@ExtendWith(KeycloakServer.class)
class IdpLookupIT {
    private static final int OTHER_IDPS = 59;

    private SpidRealmFixture fixture;

    @BeforeEach
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-idp-lookup", true);
        JsonNode testIdp = idp(SpidRealmFixture.IDP_ALIAS);
        for (int i = 1; i <= OTHER_IDPS; i++) {
            ObjectNode other = testIdp.deepCopy();
            other.remove("internalId");
            other.put("alias", String.format("spid-idp-%02d", i));
            other.put("displayName", "SPID IdP " + i);
            ((ObjectNode) other.path("config")).put("idpEntityId", String.format("https://idp-%02d.spid.example", i));
            fixture.keycloak.admin().post(instances(), other);
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void amongSixtyIdpsTheIssuerChoosesItsOwnAndAnEditedEntityIdIsFoundAtOnce() {
        assertEquals(OTHER_IDPS + 1, fixture.keycloak.admin().get(instances()).size(), "60 IdPs in the realm");

        OidcTestClient.Tokens first = new SpidLoginDriver(fixture).fullLogin("mario.rossi", "password123");
        assertEquals("rssmra80a01h501u", first.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals(List.of(SpidRealmFixture.IDP_ALIAS), links("rssmra80a01h501u"), "the IdP whose entityID is the Issuer");

        // the admin moves the test IdP's entityID to spid-idp-30 (SSO URL and certificate with it) and gives the
        // old IdP another entityID: the index entry written by the first login is now stale
        String entityId = fixture.idp.entityId();
        ObjectNode old = idp(SpidRealmFixture.IDP_ALIAS).deepCopy();
        ((ObjectNode) old.path("config")).put("idpEntityId", "https://retired.spid.example");
        fixture.keycloak.admin().put(instances() + "/" + SpidRealmFixture.IDP_ALIAS, old);
        ObjectNode moved = idp("spid-idp-30").deepCopy();
        ((ObjectNode) moved.path("config")).put("idpEntityId", entityId);
        fixture.keycloak.admin().put(instances() + "/spid-idp-30", moved);

        new SpidLoginDriver(fixture).fullLogin("spid-idp-30", Map.of(), "mario.rossi", "password123");
        List<String> links = links("rssmra80a01h501u");
        assertTrue(links.contains("spid-idp-30"), "the Response went to the IdP that has the entityID now: " + links);
        assertEquals(2, links.size(), links.toString());
    }

    private JsonNode idp(String alias) {
        return fixture.keycloak.admin().get(instances() + "/" + alias);
    }

    private String instances() {
        return "/" + fixture.name() + "/identity-provider/instances";
    }

    private List<String> links(String username) {
        JsonNode user = fixture.keycloak.admin().findUserByUsername(fixture.name(), username);
        List<String> aliases = new ArrayList<>();
        fixture.keycloak.admin().get("/" + fixture.name() + "/users/" + user.path("id").asText() + "/federated-identity")
                .forEach(link -> aliases.add(link.path("identityProvider").asText()));
        return aliases;
    }
}
