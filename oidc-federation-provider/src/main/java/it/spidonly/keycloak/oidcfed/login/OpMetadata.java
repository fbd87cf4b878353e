package it.spidonly.keycloak.oidcfed.login;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.jose.jwk.JSONWebKeySet;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.util.JsonSerialization;

import it.spidonly.keycloak.oidcfed.trust.ResolvedEntity;

/**
 * What the login needs from an OP's resolved {@code openid_provider} metadata (policies already applied): its
 * endpoints and its protocol keys. Never typed by an admin: always from the trust chain.
 */
public record OpMetadata(String entityId, String issuer, String authorizationEndpoint, String tokenEndpoint,
                         String userinfoEndpoint, String revocationEndpoint, List<JWK> keys) {

    public static OpMetadata of(ResolvedEntity op) throws LoginRefused {
        Map<String, Object> m = op.metadata() == null ? Map.of() : op.metadata();
        String issuer = text(m, "issuer").orElse(op.entityId());
        String authorization = text(m, "authorization_endpoint").orElseThrow(() -> missing("authorization_endpoint"));
        String token = text(m, "token_endpoint").orElseThrow(() -> missing("token_endpoint"));
        String userinfo = text(m, "userinfo_endpoint").orElseThrow(() -> missing("userinfo_endpoint"));
        String revocation = text(m, "revocation_endpoint").orElse(null);
        List<JWK> keys;
        try {
            JSONWebKeySet set = JsonSerialization.readValue(op.jwksJson(), JSONWebKeySet.class);
            keys = set == null || set.getKeys() == null ? List.of() : List.of(set.getKeys());
        } catch (Exception e) {
            throw new LoginRefused(LoginChecks.OP_METADATA, "the OP's jwks cannot be read", e);
        }
        if (keys.isEmpty()) {
            throw missing("jwks");
        }
        return new OpMetadata(op.entityId(), issuer, authorization, token, userinfo, revocation, keys);
    }

    /** Keys that may verify a JWS whose header names {@code kid} (all keys when it names none). */
    public List<JWK> keysFor(String kid) {
        if (kid == null) {
            return keys;
        }
        return keys.stream().filter(k -> kid.equals(k.getKeyId())).toList();
    }

    private static Optional<String> text(Map<String, Object> m, String name) {
        Object v = m.get(name);
        return v instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static LoginRefused missing(String member) {
        return new LoginRefused(LoginChecks.OP_METADATA, "the OP's resolved metadata has no " + member);
    }
}
