package it.spidonly.keycloak.oidcfed.login;

/**
 * The ids of the login checks (SPID/CIE OIDC Federation, "Authorization", "Token", "UserInfo" sections): each is the
 * message key of the refusal page (it/en) and the {@code reason} detail of the login error event. Trust-chain
 * failures keep the resolver's own {@code oidcfed.chain.*} id.
 */
public final class LoginChecks {
    /** The answer's state is unknown, expired or already used (a replayed redirect). */
    public static final String STATE = "oidcfed.op.state";
    /** CIE: the {@code iss} of the authorization response is not the OP (RFC 9207). */
    public static final String RESPONSE_ISSUER = "oidcfed.op.iss";
    /** The OP answered with an OAuth error, or with neither a code nor an error. */
    public static final String OP_ERROR = "oidcfed.op.error";
    /** The OP's resolved metadata lacks an endpoint or keys the login needs. */
    public static final String OP_METADATA = "oidcfed.op.metadata";
    /** The token endpoint refused the code (unknown, used, wrong verifier, assertion refused) or could not be read. */
    public static final String TOKEN_REQUEST = "oidcfed.token.request";
    public static final String TOKEN_MALFORMED = "oidcfed.token.malformed";
    public static final String TOKEN_ALGORITHM = "oidcfed.token.alg";
    public static final String TOKEN_SIGNATURE = "oidcfed.token.signature";
    public static final String TOKEN_ISSUER = "oidcfed.token.iss";
    public static final String TOKEN_AUDIENCE = "oidcfed.token.aud";
    public static final String TOKEN_NONCE = "oidcfed.token.nonce";
    public static final String TOKEN_EXPIRED = "oidcfed.token.exp";
    public static final String TOKEN_ISSUED_AT = "oidcfed.token.iat";
    public static final String TOKEN_ACR = "oidcfed.token.acr";
    /** The ID token's {@code at_hash} is missing or is not the access token's (OIDC Core 3.1.3.6; SPID/CIE ID Token). */
    public static final String TOKEN_AT_HASH = "oidcfed.token.at-hash";
    public static final String USERINFO_REQUEST = "oidcfed.userinfo.request";
    public static final String USERINFO_UNENCRYPTED = "oidcfed.userinfo.unencrypted";
    public static final String USERINFO_ENCRYPTION_ALGORITHM = "oidcfed.userinfo.enc-alg";
    public static final String USERINFO_DECRYPTION = "oidcfed.userinfo.decrypt";
    public static final String USERINFO_UNSIGNED = "oidcfed.userinfo.unsigned";
    public static final String USERINFO_SIGNATURE = "oidcfed.userinfo.signature";
    public static final String USERINFO_SUBJECT = "oidcfed.userinfo.sub";
    public static final String USERINFO_ISSUER = "oidcfed.userinfo.iss";
    public static final String USERINFO_AUDIENCE = "oidcfed.userinfo.aud";
    public static final String USERINFO_FISCAL_NUMBER = "oidcfed.userinfo.fiscal-number";
    /** A claim longer than the account can hold ({@code AccountLimits}: 255 for the names and e-mail, 2048 for the rest). */
    public static final String USERINFO_LENGTH = "oidcfed.userinfo.length";

    private LoginChecks() {
    }
}
