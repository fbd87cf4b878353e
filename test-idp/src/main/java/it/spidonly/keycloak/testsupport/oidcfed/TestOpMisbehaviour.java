package it.spidonly.keycloak.testsupport.oidcfed;

/** Ways the test OP breaks the SPID/CIE OIDC rules, so tests can see the RP refuse each one. */
public enum TestOpMisbehaviour {
    /** The ID token's {@code iss} is another OP. */
    WRONG_ID_TOKEN_ISSUER,
    /** The ID token's {@code aud} is another client. */
    WRONG_ID_TOKEN_AUDIENCE,
    /** The ID token's {@code nonce} is not the one of the request object. */
    WRONG_NONCE,
    /** The ID token says SpidL1 whatever was asked. */
    LOWER_ACR,
    /** The ID token's {@code at_hash} is not the access token's. */
    WRONG_AT_HASH,
    /** The ID token is signed with a key the OP does not publish. */
    ID_TOKEN_UNKNOWN_KEY,
    /** The userinfo is a signed JWT, not encrypted. */
    UNENCRYPTED_USERINFO,
    /** The userinfo is encrypted, but the payload is plain JSON, not a JWS. */
    UNSIGNED_USERINFO,
    /** The authorization response carries another {@code iss} (RFC 9207). */
    WRONG_RESPONSE_ISSUER,
    /** The OP's entity configuration has expired. */
    EXPIRED_STATEMENT,
    /** The OP's entity configuration carries no trust mark. */
    MISSING_TRUST_MARK,
    /** The userinfo's {@code given_name} is 256 characters, more than an account's first name holds. */
    OVERLONG_GIVEN_NAME
}
