package it.spidonly.keycloak.oidcfed.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code at_hash} (OIDC Core 3.1.3.6): the left half of the hash of the access token's ASCII octets, base64url, with
 * the hash of the ID token's JWS algorithm (SHA-256 for *256, SHA-384 for *384, SHA-512 for *512).
 */
final class AccessTokenHash {
    private AccessTokenHash() {
    }

    static String of(String accessToken, String jwsAlgorithm) {
        String bits = jwsAlgorithm == null || jwsAlgorithm.length() < 3 ? "256" : jwsAlgorithm.substring(jwsAlgorithm.length() - 3);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-" + bits).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
