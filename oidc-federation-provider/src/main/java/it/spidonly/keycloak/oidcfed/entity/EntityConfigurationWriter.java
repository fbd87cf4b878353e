package it.spidonly.keycloak.oidcfed.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jwk.JWKBuilder;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The claims of the realm's entity configuration (OpenID Federation §entity-configuration; SPID/CIE OIDC Federation,
 * entity_configuration and metadata_oidc_rp): {@code iss} = {@code sub} = the entity id, {@code iat}/{@code exp},
 * the federation keys in {@code jwks}, {@code authority_hints}, {@code trust_marks} (each entry carries both the
 * SPID/CIE {@code id} and the FED {@code trust_mark_type}), {@code metadata.federation_entity} with the resolve
 * endpoint, and {@code metadata.openid_relying_party} with every member the rules make mandatory.
 */
public final class EntityConfigurationWriter {
    public static final String TYP = "entity-statement+jwt";
    public static final String MEDIA_TYPE = "application/entity-statement+jwt";
    /** The userinfo JWE content encryption the RP asks for (SPID/CIE cryptographic_algos: A256CBC-HS512 is a MUST). */
    public static final String USERINFO_ENC = "A256CBC-HS512";

    private EntityConfigurationWriter() {
    }

    public static Map<String, Object> claims(KeycloakSession session, RealmModel realm, FederationEntity entity, long now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", entity.entityId());
        claims.put("sub", entity.entityId());
        claims.put("iat", now);
        claims.put("exp", now + entity.entityConfigurationLifetime().toSeconds());
        claims.put("jwks", jwks(FederationKeys.published(session, realm), KeyUse.SIG));
        claims.put("authority_hints", entity.authorityHints());
        claims.put("trust_marks", trustMarks(entity.trustMarks()));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("federation_entity", federationEntity(entity));
        metadata.put("openid_relying_party", relyingParty(entity));
        claims.put("metadata", metadata);
        return claims;
    }

    /** {@code metadata.federation_entity}, also the resolve answer about ourselves. */
    public static Map<String, Object> federationEntity(FederationEntity entity) {
        Map<String, Object> fe = new LinkedHashMap<>();
        fe.put("organization_name", entity.organizationName());
        entity.homepageUri().ifPresent(u -> fe.put("homepage_uri", u));
        entity.policyUri().ifPresent(u -> fe.put("policy_uri", u));
        entity.logoUri().ifPresent(u -> fe.put("logo_uri", u));
        fe.put("contacts", entity.contacts());
        fe.put("federation_resolve_endpoint", entity.entityId() + "/resolve");
        return fe;
    }

    /** {@code metadata.openid_relying_party}. */
    public static Map<String, Object> relyingParty(FederationEntity entity) {
        Map<String, Object> rp = new LinkedHashMap<>();
        rp.put("client_id", entity.entityId());
        rp.put("client_registration_types", List.of("automatic"));
        rp.put("application_type", "web");
        rp.put("client_name", entity.clientName());
        rp.put("organization_name", entity.organizationName());
        rp.put("contacts", entity.contacts());
        rp.put("redirect_uris", entity.redirectUris());
        rp.put("response_types", List.of("code"));
        rp.put("grant_types", List.of("authorization_code", "refresh_token"));
        rp.put("subject_type", "pairwise");
        rp.put("token_endpoint_auth_method", "private_key_jwt");
        rp.put("id_token_signed_response_alg", Algorithm.RS256);
        rp.put("userinfo_signed_response_alg", Algorithm.RS256);
        KeyWrapper enc = entity.protocolEncryptionKey();
        rp.put("userinfo_encrypted_response_alg", enc == null ? Algorithm.RSA_OAEP : enc.getAlgorithmOrDefault());
        rp.put("userinfo_encrypted_response_enc", USERINFO_ENC);
        List<Map<String, Object>> keys = new ArrayList<>();
        KeyWrapper sig = entity.protocolSigningKey();
        if (sig != null) {
            keys.add(jwk(sig, KeyUse.SIG));
        }
        if (enc != null) {
            keys.add(jwk(enc, KeyUse.ENC));
        }
        rp.put("jwks", Map.of("keys", keys));
        return rp;
    }

    private static Map<String, Object> jwks(List<KeyWrapper> keys, KeyUse use) {
        return Map.of("keys", keys.stream().map(k -> jwk(k, use)).toList());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> jwk(KeyWrapper key, KeyUse use) {
        JWK jwk = JWKBuilder.create().kid(key.getKid()).algorithm(key.getAlgorithmOrDefault()).rsa(key.getPublicKey(), use);
        Map<String, Object> map = org.keycloak.util.JsonSerialization.mapper.convertValue(jwk, Map.class);
        map.remove("x5c");
        map.remove("x5t");
        map.remove("x5t#S256");
        return map;
    }

    /** The configured trust marks, each as {@code {id, trust_mark_type, trust_mark}} (the id read from the JWT). */
    static List<Map<String, Object>> trustMarks(List<String> jwts) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String jwt : jwts) {
            String id = trustMarkId(jwt);
            Map<String, Object> entry = new LinkedHashMap<>();
            if (id != null) {
                entry.put("id", id);
                entry.put("trust_mark_type", id);
            }
            entry.put("trust_mark", jwt);
            entries.add(entry);
        }
        return entries;
    }

    private static String trustMarkId(String jwt) {
        try {
            Map<?, ?> claims = new JWSInput(jwt).readJsonContent(Map.class);
            Object id = claims.get("trust_mark_type") != null ? claims.get("trust_mark_type") : claims.get("id");
            return id == null ? null : id.toString();
        } catch (Exception e) {
            return null;
        }
    }
}
