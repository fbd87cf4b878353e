package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.oidcfed.entity.TrustAnchor;
import it.spidonly.keycloak.oidcfed.trust.ResolvedEntity;
import it.spidonly.keycloak.oidcfed.trust.StatementSource;
import it.spidonly.keycloak.oidcfed.trust.TrustChainException;
import it.spidonly.keycloak.oidcfed.trust.TrustChainValidator;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchor;

/**
 * Issue 20, Deliver 1: the realm's entity configuration, read and validated as an OP reads it (SPID/CIE OIDC
 * Federation, entity_configuration and metadata_oidc_rp): media type, typ, kid in jwks, the signature with the
 * published federation key, iss = sub, iat/exp, authority_hints, trust_marks, every mandatory member of
 * federation_entity and openid_relying_party; the protocol keys are Keycloak's realm keys, distinct from the federation
 * keys, and the federation key never signs the realm's tokens. The whole chain (our EC, the trust anchor's statement
 * about us, our trust mark) validates; the resolve endpoint answers. Realm made as docs/oidc-federation.md says.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityConfigurationIT {
    private TestTrustAnchor anchor;
    private OidcFederationRealm rp;
    private HttpResponse<String> response;
    private Jws ec;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        anchor = TestTrustAnchor.start();
        rp = OidcFederationRealm.create(keycloak, "oidcfed-ec", anchor);
        response = rp.entityConfiguration();
        ec = Jws.parse(response.body());
    }

    @AfterAll
    void close() {
        rp.close();
        anchor.close();
    }

    @Test
    void servedAsASignedEntityStatement() {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/entity-statement+jwt", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("entity-statement+jwt", ec.header().path("typ").asText());
        assertEquals("RS256", ec.header().path("alg").asText());
        assertTrue(ec.verifiesWith(ec.claims().get("jwks")), "signed with a key it publishes in jwks");
        for (JsonNode key : ec.claims().path("jwks").path("keys")) {
            assertFalse(key.path("kid").asText().isEmpty());
            assertFalse(key.has("d"), "no private part");
            assertTrue(new java.math.BigInteger(1, java.util.Base64.getUrlDecoder().decode(key.path("n").asText())).bitLength() >= 2048);
        }
    }

    @Test
    void claimsOfTheEntity() {
        JsonNode c = ec.claims();
        assertEquals(rp.entityId(), c.path("iss").asText());
        assertEquals(rp.entityId(), c.path("sub").asText());
        long now = Instant.now().getEpochSecond();
        assertTrue(c.path("iat").asLong() <= now + 5 && c.path("exp").asLong() > now, c.toString());
        assertEquals(List.of(anchor.entityId()), strings(c.path("authority_hints")));
        JsonNode mark = c.path("trust_marks").get(0);
        assertEquals(anchor.trustMarkId("openid_relying_party"), mark.path("id").asText());
        assertEquals(anchor.trustMarkId("openid_relying_party"), mark.path("trust_mark_type").asText());
        assertTrue(Jws.parse(mark.path("trust_mark").asText()).verifiesWith(readTree(anchor.jwksJson())));
    }

    @Test
    void federationEntityMetadataHasEveryMandatoryMember() {
        JsonNode fe = ec.claims().path("metadata").path("federation_entity");
        for (String member : List.of("organization_name", "homepage_uri", "policy_uri", "logo_uri", "contacts", "federation_resolve_endpoint")) {
            assertTrue(fe.hasNonNull(member), member + " in " + fe);
        }
        assertEquals("Ministero del Lavoro e delle Politiche Sociali", fe.path("organization_name").asText(), "shared with the SPID SP");
        assertEquals(rp.entityId() + "/resolve", fe.path("federation_resolve_endpoint").asText());
    }

    @Test
    void relyingPartyMetadataHasEveryMandatoryMember() {
        JsonNode rpm = ec.claims().path("metadata").path("openid_relying_party");
        for (String member : List.of("client_id", "client_registration_types", "response_types", "redirect_uris", "grant_types", "jwks",
                "id_token_signed_response_alg", "userinfo_signed_response_alg", "userinfo_encrypted_response_alg",
                "userinfo_encrypted_response_enc", "token_endpoint_auth_method", "application_type", "client_name", "contacts",
                "subject_type", "organization_name")) {
            assertTrue(rpm.has(member), member + " in " + rpm);
        }
        assertEquals(rp.entityId(), rpm.path("client_id").asText());
        assertEquals(List.of("automatic"), strings(rpm.path("client_registration_types")));
        assertTrue(strings(rpm.path("response_types")).contains("code"));
        assertEquals(List.of("authorization_code", "refresh_token"), strings(rpm.path("grant_types")));
        assertEquals("private_key_jwt", rpm.path("token_endpoint_auth_method").asText());
        assertEquals("RS256", rpm.path("id_token_signed_response_alg").asText());
        assertTrue(List.of("RSA-OAEP", "RSA-OAEP-256").contains(rpm.path("userinfo_encrypted_response_alg").asText()));
        assertEquals("A256CBC-HS512", rpm.path("userinfo_encrypted_response_enc").asText());
        assertTrue(rpm.path("redirect_uris").isArray());
    }

    @Test
    void protocolKeysAreTheRealmKeysAndDistinctFromTheFederationKeys() {
        JsonNode protocol = ec.claims().path("metadata").path("openid_relying_party").path("jwks").path("keys");
        Set<String> uses = new HashSet<>();
        Set<String> federationKids = new HashSet<>(kids(ec.claims().path("jwks").path("keys")));
        for (JsonNode key : protocol) {
            uses.add(key.path("use").asText());
            assertFalse(federationKids.contains(key.path("kid").asText()), "protocol key " + key.path("kid") + " is a federation key");
        }
        assertEquals(Set.of("sig", "enc"), uses);
        Set<String> realmKids = new HashSet<>(kids(OidcFederationRealm.get(rp.realm.realmUrl() + "/protocol/openid-connect/certs")
                .body().transform(EntityConfigurationIT::readTree).path("keys")));
        assertTrue(realmKids.containsAll(kids(protocol)), "the protocol keys are the realm's keys");
    }

    @Test
    void theRealmNeverSignsTokensWithTheFederationKey() {
        rp.admin().post("/" + rp.realm.name + "/clients", Map.of("clientId", "probe", "secret", "probe-secret", "publicClient", false,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false));
        String token = post(rp.realm.realmUrl() + "/protocol/openid-connect/token",
                "grant_type=client_credentials&client_id=probe&client_secret=probe-secret").path("access_token").asText();
        String tokenKid = Jws.parse(token).kid();
        assertFalse(kids(ec.claims().path("jwks").path("keys")).contains(tokenKid), "the access token is signed with a federation key");
        JsonNode sig = null;
        for (JsonNode key : ec.claims().path("metadata").path("openid_relying_party").path("jwks").path("keys")) {
            sig = "sig".equals(key.path("use").asText()) ? key : sig;
        }
        assertEquals(tokenKid, sig.path("kid").asText(), "the RP signs with the realm's active RS256 key");
    }

    @Test
    void aFederationKeyWithAPriorityKeycloakWouldUseForTokensIsRefused() {
        HttpResponse<String> refused = rp.admin().send("POST", "/" + rp.realm.name + "/components", Map.of("name", "fed key 2",
                "providerId", "oidcfed-federation-key", "providerType", "org.keycloak.keys.KeyProvider", "parentId", rp.realm.realmId(),
                "config", Map.of("priority", List.of("200"))));
        assertEquals(400, refused.statusCode(), refused.body());
        // the realm's default locale is Italian (admin guide step 2)
        assertTrue(refused.body().contains("priorit\u00e0 negativa"), refused.body());
    }

    @Test
    void theChainOfTheRelyingPartyValidatesAsAnOpValidatesIt() throws TrustChainException {
        StatementSource web = (url, accept) -> {
            HttpResponse<String> r = OidcFederationRealm.get(url);
            if (r.statusCode() != 200) {
                throw new TrustChainException("oidcfed.chain.fetch", url + " " + r.statusCode());
            }
            return r.body();
        };
        ResolvedEntity resolved = new TrustChainValidator(web, List.of(new TrustAnchor(anchor.entityId(), anchor.jwksJson())),
                Clock.systemUTC(), TrustChainValidator.DEFAULT_LEEWAY).resolve(rp.entityId(), "openid_relying_party");
        assertEquals(anchor.entityId(), resolved.trustAnchor());
        assertEquals(List.of(anchor.trustMarkId("openid_relying_party")), resolved.trustMarkIds());
    }

    @Test
    void theTrustAnchorResolvesUs() {
        HttpResponse<String> resolved = OidcFederationRealm.get(anchor.entityId() + "/resolve?sub=" + enc(rp.entityId()));
        assertEquals(200, resolved.statusCode(), resolved.body());
        assertEquals(rp.entityId(), Jws.parse(resolved.body()).claims().path("metadata").path("openid_relying_party").path("client_id").asText());
    }

    @Test
    void theResolveEndpointAnswersAboutUs() {
        HttpResponse<String> resolved = OidcFederationRealm.get(rp.entityId() + "/resolve?sub=" + enc(rp.entityId())
                + "&trust_anchor=" + enc(anchor.entityId()));
        assertEquals(200, resolved.statusCode(), resolved.body());
        assertEquals("application/resolve-response+jwt", resolved.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Jws jws = Jws.parse(resolved.body());
        assertEquals("resolve-response+jwt", jws.header().path("typ").asText());
        assertTrue(jws.verifiesWith(ec.claims().get("jwks")), "signed with the federation key");
        assertEquals(rp.entityId(), jws.claims().path("iss").asText());
        assertEquals(rp.entityId(), jws.claims().path("metadata").path("openid_relying_party").path("client_id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?sub=https%3A%2F%2Funknown.example", "?sub=x&trust_anchor=https%3A%2F%2Fother-anchor.example"})
    void theResolveEndpointRefusesWithAFederationError(String query) {
        HttpResponse<String> refused = OidcFederationRealm.get(rp.entityId() + "/resolve" + query);
        assertTrue(refused.statusCode() == 400 || refused.statusCode() == 404, refused.statusCode() + " " + refused.body());
        assertFalse(readTree(refused.body()).path("error").asText().isEmpty(), refused.body());
    }

    @Test
    void settingsWithATrustAnchorWithoutKeysAreRefused() {
        com.fasterxml.jackson.databind.node.ObjectNode component = rp.admin().get("/" + rp.realm.name + "/components/" + rp.componentId).deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode) component.get("config");
        config.putArray("trustAnchors").add("");
        config.putArray("trustAnchorPresets").add("cie-production");
        HttpResponse<String> refused = rp.admin().send("PUT", "/" + rp.realm.name + "/components/" + rp.componentId, component);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(it.spidonly.keycloak.oidcfed.entity.KnownTrustAnchors.CIE_PRODUCTION), refused.body());
        assertEquals(200, rp.entityConfiguration().statusCode(), "the saved settings are unchanged");
    }

    @Test
    void aSecondRelyingPartyInTheRealmIsRefused() {
        HttpResponse<String> refused = rp.admin().send("POST", "/" + rp.realm.name + "/components", Map.of("name", "second",
                "providerId", "oidcfed-relying-party", "providerType", "org.keycloak.services.ui.extend.UiPageProvider",
                "parentId", rp.realm.realmId(), "config", OidcFederationRealm.settings(anchor)));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("OIDC Federation"), refused.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> kids(JsonNode keys) {
        List<String> out = new java.util.ArrayList<>();
        keys.forEach(k -> out.add(k.path("kid").asText()));
        return out;
    }

    private static JsonNode readTree(String json) {
        try {
            return Jws.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode post(String url, String form) {
        try {
            HttpResponse<String> r = OidcFederationRealm.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
