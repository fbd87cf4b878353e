package it.spidonly.demo;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The current 6-digit TOTP code (RFC 6238: HMAC-SHA1, 30 s, Keycloak's defaults) of a base32 secret, as an
 * authenticator app computes it: the mail catcher page offers it so that a newcomer without a phone can finish the
 * help-desk path. A demo convenience only: a real authenticator app keeps the secret on the user's device.
 */
final class DemoTotp {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private DemoTotp() {
    }

    static String code(String base32Secret, Instant at) {
        byte[] key = decode(base32Secret);
        if (key.length == 0) {
            throw new IllegalArgumentException("empty secret");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base32 (RFC 4648) without padding; spaces and case ignored; anything else refused. */
    static byte[] decode(String secret) {
        String clean = secret.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        if (clean.length() > 256) {
            throw new IllegalArgumentException("secret too long");
        }
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8 + 1);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip();
        out.get(bytes);
        return bytes;
    }
}
