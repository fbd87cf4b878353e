package it.spidonly.keycloak.oidcfed.login;

import java.security.SecureRandom;

/** {@code state} and {@code nonce}: random, at least 32 alphanumeric characters (SPID/CIE OIDC, Authorization). */
public final class RandomValues {
    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int LENGTH = 43;

    private RandomValues() {
    }

    public static String alphanumeric() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }
}
