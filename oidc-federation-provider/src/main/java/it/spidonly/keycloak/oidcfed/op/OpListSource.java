package it.spidonly.keycloak.oidcfed.op;

/**
 * Where a realm's SPID or CIE OPs come from: a trust anchor's list endpoint, filtered to {@code openid_provider}
 * entities and, when set, to those holding a trust mark of {@code trustMarkType}; they become IdPs of
 * {@code providerId} ({@code spid-oidc} or {@code cie-oidc}).
 */
public record OpListSource(String trustAnchor, String providerId, String trustMarkType) {
}
