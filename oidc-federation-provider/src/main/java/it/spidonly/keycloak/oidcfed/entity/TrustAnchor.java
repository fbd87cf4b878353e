package it.spidonly.keycloak.oidcfed.entity;

/**
 * A trust anchor the realm trusts, with the JWK Set the admin pinned for it (FED: obtain trust-anchor keys out of band).
 *
 * @param entityId the trust anchor's entity identifier
 * @param jwksJson its federation JWK Set as JSON, or {@code null} when none was pinned
 */
public record TrustAnchor(String entityId, String jwksJson) {
    public boolean pinned() {
        return jwksJson != null;
    }
}
