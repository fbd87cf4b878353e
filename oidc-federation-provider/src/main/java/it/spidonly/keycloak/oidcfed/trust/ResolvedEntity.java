package it.spidonly.keycloak.oidcfed.trust;

import java.util.List;
import java.util.Map;

/**
 * A federation entity after a verified trust chain.
 *
 * @param entityId     the entity identifier (the chain's subject)
 * @param trustAnchor  the trust anchor the chain ends at
 * @param metadata     the {@code openid_provider} metadata with every superior's metadata policy applied (JSON object
 *                     as Jackson-compatible maps and lists)
 * @param jwksJson     the JWK Set of the OP's protocol keys (from {@code jwks}, {@code signed_jwks_uri} or
 *                     {@code jwks_uri}, as the metadata says), as a JSON string
 * @param trustMarkIds the ids of the trust marks that were verified for the entity
 * @param expiresAt    seconds since the epoch at which the chain expires (the smallest {@code exp} in it)
 */
public record ResolvedEntity(String entityId, String trustAnchor, Map<String, Object> metadata, String jwksJson,
                             List<String> trustMarkIds, long expiresAt) {
}
