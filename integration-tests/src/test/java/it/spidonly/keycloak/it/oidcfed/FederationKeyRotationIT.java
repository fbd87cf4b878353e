package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchor;

/**
 * Issue 20, Deliver 1: federation key rotation as docs/oidc-federation.md ("Key rotation") tells it: a new passive
 * federation key is published beside the old one while the old one still signs; once active it signs; the trust
 * anchor's statement pinned both keys in between, so the chain never breaks.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationKeyRotationIT {
    private TestTrustAnchor anchor;
    private OidcFederationRealm rp;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        anchor = TestTrustAnchor.start();
        rp = OidcFederationRealm.create(keycloak, "oidcfed-rotation", anchor);
    }

    @AfterAll
    void close() {
        rp.close();
        anchor.close();
    }

    @Test
    void aNewKeyIsPublishedPassiveThenSigns() {
        Jws before = Jws.parse(rp.entityConfiguration().body());
        String oldKid = before.kid();
        // step 1: a second federation key, priority above the first, passive
        String newId = rp.admin().create("/" + rp.realm.name + "/components", Map.of("name", "oidc-federation-key-2",
                "providerId", "oidcfed-federation-key", "providerType", "org.keycloak.keys.KeyProvider", "parentId", rp.realm.realmId(),
                "config", Map.of("priority", List.of("-90"), "active", List.of("false"))));
        Jws published = Jws.parse(rp.entityConfiguration().body());
        assertEquals(oldKid, published.kid(), "the old key still signs");
        List<String> kids = kids(published.claims().path("jwks"));
        assertEquals(2, kids.size(), kids.toString());
        String newKid = kids.stream().filter(k -> !k.equals(oldKid)).findFirst().orElseThrow();
        // step 2: the trust anchor pins both keys
        anchor.enrol(rp.entityId(), published.claims().path("jwks").toString(), OidcFederationRealm.RP_TYPE, List.of());
        // step 3: the new key active
        ObjectNode component = rp.admin().get("/" + rp.realm.name + "/components/" + newId).deepCopy();
        ((ObjectNode) component.get("config")).putArray("active").add("true");
        rp.admin().put("/" + rp.realm.name + "/components/" + newId, component);
        Jws after = Jws.parse(rp.entityConfiguration().body());
        assertEquals(newKid, after.kid(), "the new key signs");
        assertTrue(after.verifiesWith(after.claims().path("jwks")));
        assertTrue(after.verifiesWith(Jws.parse(anchor.subordinateStatement(rp.entityId())).claims().path("jwks")),
                "the trust anchor's statement pins the key that now signs");
    }

    private static List<String> kids(JsonNode jwks) {
        List<String> out = new ArrayList<>();
        jwks.path("keys").forEach(k -> out.add(k.path("kid").asText()));
        return out;
    }
}
