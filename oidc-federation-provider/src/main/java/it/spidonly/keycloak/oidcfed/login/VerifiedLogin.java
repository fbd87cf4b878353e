package it.spidonly.keycloak.oidcfed.login;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.spid.level.SpidLevel;

/** A login every check passed: the verified ID token and userinfo claims, the level the OP vouched for, the tokens. */
public record VerifiedLogin(JsonNode idToken, JsonNode userinfo, FederatedClaims claims, SpidLevel level,
                            String subject, String accessToken, String refreshToken, String encodedIdToken) {
}
