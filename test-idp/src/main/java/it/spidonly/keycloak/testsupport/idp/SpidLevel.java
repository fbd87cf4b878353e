package it.spidonly.keycloak.testsupport.idp;

import java.util.Arrays;
import java.util.Optional;

/** The three SPID levels and their AuthnContextClassRef URIs (SPID Regole tecniche, livelli di sicurezza). */
enum SpidLevel {
    L1, L2, L3;

    private static final String URI_PREFIX = "https://www.spid.gov.it/SpidL";

    int number() {
        return ordinal() + 1;
    }

    String uri() {
        return URI_PREFIX + number();
    }

    static SpidLevel of(int number) {
        if (number < 1 || number > 3) {
            throw new IllegalArgumentException("No SPID level " + number);
        }
        return values()[number - 1];
    }

    static Optional<SpidLevel> fromUri(String uri) {
        return Arrays.stream(values()).filter(level -> level.uri().equals(uri)).findFirst();
    }
}
