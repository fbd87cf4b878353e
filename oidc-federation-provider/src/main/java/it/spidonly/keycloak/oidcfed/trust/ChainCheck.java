package it.spidonly.keycloak.oidcfed.trust;

/**
 * The rule ids of the trust-chain checks ({@link TrustChainException#check()}): message keys of the module's
 * {@code messages_*.properties} and event details. Each names one check of OpenID Federation 1.0 (§ESValidation,
 * §trust_chain_validation, §metadata_policy_application, §trust_marks) or of the SPID/CIE OIDC Federation rules.
 */
public final class ChainCheck {
    /** An entity's statement could not be fetched (network, HTTP status). */
    public static final String FETCH = "oidcfed.chain.fetch";
    /** A response larger than the cap. */
    public static final String SIZE = "oidcfed.chain.size";
    /** Not a compact JWS with JSON header and claims. */
    public static final String JWT = "oidcfed.chain.jwt";
    /** {@code alg} none, symmetric or unknown. */
    public static final String ALG = "oidcfed.chain.alg";
    /** Wrong {@code typ} header. */
    public static final String TYP = "oidcfed.chain.typ";
    /** No {@code kid}, or a kid the signer's JWK Set does not hold. */
    public static final String KID = "oidcfed.chain.kid";
    /** The signature does not verify with the key the chain gives. */
    public static final String SIGNATURE = "oidcfed.chain.signature";
    /** An entity configuration whose {@code iss}/{@code sub} is not the entity asked for. */
    public static final String SELF_ISSUED = "oidcfed.chain.self-issued";
    /** A statement whose {@code iss} is not the superior or whose {@code sub} is not the subordinate. */
    public static final String LINK = "oidcfed.chain.link";
    /** {@code iat} in the future (beyond the leeway) or missing. */
    public static final String IAT = "oidcfed.chain.iat";
    /** {@code exp} in the past (beyond the leeway) or missing. */
    public static final String EXPIRED = "oidcfed.chain.expired";
    /** No {@code authority_hints}, or more than allowed. */
    public static final String AUTHORITY_HINTS = "oidcfed.chain.authority-hints";
    /** A superior without {@code federation_fetch_endpoint}. */
    public static final String FETCH_ENDPOINT = "oidcfed.chain.fetch-endpoint";
    /** The chain does not reach a configured trust anchor within the allowed path length. */
    public static final String TRUST_ANCHOR = "oidcfed.chain.trust-anchor";
    /** More intermediates than {@code max_path_length} allows. */
    public static final String PATH_LENGTH = "oidcfed.chain.path-length";
    /** The entity has no metadata of the expected type. */
    public static final String METADATA = "oidcfed.chain.metadata";
    /** A metadata policy operator gives an illegal result (one_of, superset_of, mismatched types). */
    public static final String METADATA_POLICY = "oidcfed.chain.metadata-policy";
    /** A member the policy marks {@code essential} is missing after the policy. */
    public static final String METADATA_ESSENTIAL = "oidcfed.chain.metadata-essential";
    /** No protocol keys ({@code jwks}, {@code signed_jwks_uri}, {@code jwks_uri}). */
    public static final String JWKS = "oidcfed.chain.jwks";
    /** The entity shows no trust mark. */
    public static final String TRUST_MARK_MISSING = "oidcfed.chain.trust-mark-missing";
    /** A trust mark whose issuer the trust anchor does not list in {@code trust_mark_issuers}. */
    public static final String TRUST_MARK_ISSUER = "oidcfed.chain.trust-mark-issuer";
    /** A trust mark whose signature does not verify. */
    public static final String TRUST_MARK_SIGNATURE = "oidcfed.chain.trust-mark-signature";
    /** An expired trust mark. */
    public static final String TRUST_MARK_EXPIRED = "oidcfed.chain.trust-mark-expired";
    /** A trust mark for another subject, or whose id differs from its entry's. */
    public static final String TRUST_MARK_SUBJECT = "oidcfed.chain.trust-mark-subject";

    private ChainCheck() {
    }

    static TrustChainException fail(String check, String detail) {
        return new TrustChainException(check, detail);
    }
}
