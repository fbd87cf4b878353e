package it.spidonly.keycloak.oidcfed.login;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.keycloak.crypto.AesCbcHmacShaContentEncryptionProvider;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.RsaCekManagementProvider;
import org.keycloak.jose.jwe.JWEHeader;
import org.keycloak.jose.jwe.alg.JWEAlgorithmProvider;
import org.keycloak.jose.jwe.enc.JWEEncryptionProvider;
import org.keycloak.util.JsonSerialization;
import org.keycloak.util.TokenUtil;

/**
 * The userinfo answer of SPID/CIE OIDC ("UserInfo Endpoint"): a JWT signed by the OP, then encrypted to the RP's
 * {@code enc} key (nested, {@code cty: JWT}). Only RSA-OAEP / RSA-OAEP-256 with A128CBC-HS256 / A256CBC-HS512 are
 * accepted; a plain JSON or a JWS that is not encrypted is refused, and so is a decrypted payload that is not a JWS
 * signed by the OP. The inner {@code sub} must be the ID token's; {@code iss} and {@code aud}, when present (the
 * reference OP omits them), must be the OP and us.
 */
public final class UserinfoReader {
    public static final Set<String> KEY_ALGORITHMS = Set.of("RSA-OAEP", "RSA-OAEP-256");
    static final Set<String> CONTENT_ALGORITHMS = Set.of("A128CBC-HS256", "A256CBC-HS512");
    static final int MAX_LENGTH = 256 * 1024;

    private UserinfoReader() {
    }

    public static JsonNode read(String body, RpCredentials rp, OpMetadata op, String idTokenSubject, Instant now)
            throws LoginRefused {
        String compact = body == null ? "" : body.trim();
        if (compact.length() > MAX_LENGTH) {
            throw new LoginRefused(LoginChecks.USERINFO_REQUEST, "the userinfo answer is too large");
        }
        long dots = compact.chars().filter(c -> c == '.').count();
        if (dots != 4) {
            throw new LoginRefused(LoginChecks.USERINFO_UNENCRYPTED, "the userinfo answer is not a JWE");
        }
        String inner = decrypt(compact, rp);
        SignedJwt jws = SignedJwt.verify(inner, op.keys(), LoginChecks.USERINFO_UNSIGNED, LoginChecks.USERINFO_SIGNATURE,
                LoginChecks.USERINFO_SIGNATURE);
        JsonNode claims = jws.claims();
        if (!idTokenSubject.equals(IdTokenRules.text(claims, "sub"))) {
            throw new LoginRefused(LoginChecks.USERINFO_SUBJECT, "the userinfo sub is not the ID token's");
        }
        if (claims.has("iss") && !op.issuer().equals(IdTokenRules.text(claims, "iss"))) {
            throw new LoginRefused(LoginChecks.USERINFO_ISSUER, "the userinfo iss is not the OP");
        }
        if (claims.has("aud") && !IdTokenRules.audienceContains(claims.get("aud"), rp.clientId())) {
            throw new LoginRefused(LoginChecks.USERINFO_AUDIENCE, "the userinfo aud is not this RP");
        }
        return claims;
    }

    private static String decrypt(String jwe, RpCredentials rp) throws LoginRefused {
        JWEHeader header;
        try {
            byte[] raw = java.util.Base64.getUrlDecoder().decode(jwe.substring(0, jwe.indexOf('.')));
            header = JsonSerialization.readValue(raw, JWEHeader.class);
        } catch (Exception e) {
            throw new LoginRefused(LoginChecks.USERINFO_UNENCRYPTED, "the userinfo JWE header cannot be read", e);
        }
        String alg = header.getAlgorithm();
        String enc = header.getEncryptionAlgorithm();
        if (!KEY_ALGORITHMS.contains(alg) || !CONTENT_ALGORITHMS.contains(enc)) {
            throw new LoginRefused(LoginChecks.USERINFO_ENCRYPTION_ALGORITHM, "userinfo encryption " + alg + "/" + enc + " not allowed");
        }
        JWEAlgorithmProvider keyAlgorithm = new RsaCekManagementProvider(null, alg).jweAlgorithmProvider();
        JWEEncryptionProvider contentAlgorithm = new AesCbcHmacShaContentEncryptionProvider(null, enc).jweEncryptionProvider();
        List<KeyWrapper> keys = new ArrayList<>();
        String kid = header.getKeyId();
        rp.decryptionKeys().stream().filter(k -> kid == null || kid.equals(k.getKid())).forEach(keys::add);
        for (KeyWrapper key : keys) {
            try {
                byte[] plain = TokenUtil.jweKeyEncryptionVerifyAndDecode(key.getPrivateKey(), jwe, keyAlgorithm, contentAlgorithm);
                return new String(plain, StandardCharsets.UTF_8);
            } catch (Exception e) {
                // try the next key of ours (rotation)
            }
        }
        throw new LoginRefused(LoginChecks.USERINFO_DECRYPTION, "no encryption key of this realm decrypts the userinfo (kid " + kid + ")");
    }
}
