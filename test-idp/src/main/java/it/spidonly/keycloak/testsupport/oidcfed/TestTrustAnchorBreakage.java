package it.spidonly.keycloak.testsupport.oidcfed;

/**
 * Ways a statement of the test federation can be broken, one per refusal a relying party must make (OpenID
 * Federation §ESValidation, §trust_marks). Applied by {@link TestTrustAnchor} to its subordinate statements and by
 * {@link TestTrustAnchorEntity} to its entity configuration.
 */
public enum TestTrustAnchorBreakage {
    /** Valid. */
    NONE,
    /** {@code exp} an hour ago. */
    EXPIRED,
    /** Signed by another key with the same kid. */
    BAD_SIGNATURE,
    /** {@code sub} (subordinate statement) or {@code iss} (entity configuration) names another entity. */
    WRONG_SUBJECT,
    /** {@code alg: none}, no signature. */
    ALG_NONE,
    /** Padded beyond 100 kB. */
    OVERSIZED,
    /** The entity configuration carries no trust mark. */
    NO_TRUST_MARK,
    /** The trust mark in the entity configuration expired an hour ago. */
    TRUST_MARK_EXPIRED,
    /** The trust mark is signed by a key that is not the trust anchor's. */
    TRUST_MARK_FORGED
}
