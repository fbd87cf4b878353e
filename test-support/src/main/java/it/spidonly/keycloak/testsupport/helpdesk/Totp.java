package it.spidonly.keycloak.testsupport.helpdesk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits, RFC 4226 dynamic truncation), for tests that enrol and use an
 * authenticator app. The key is the secret as Keycloak's TOTP setup page posts it ({@code totpSecret}, its bytes).
 */
public final class Totp {
    private Totp() {
    }

    public static String code(String secret, Instant at) {
        return code(secret.getBytes(StandardCharsets.UTF_8), at.getEpochSecond() / 30);
    }

    /** The code of time step {@code step} (seconds since the epoch / 30). */
    public static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }
}
