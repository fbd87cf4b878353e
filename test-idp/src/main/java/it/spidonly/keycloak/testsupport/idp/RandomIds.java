package it.spidonly.keycloak.testsupport.idp;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random identifiers: SAML IDs must be unique and must not start with a digit (xs:ID), hence the underscore. */
final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    static String samlId() {
        return "_" + hex(20);
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
