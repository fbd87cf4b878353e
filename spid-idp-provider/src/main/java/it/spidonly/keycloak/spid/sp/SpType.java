package it.spidonly.keycloak.spid.sp;

import java.util.Locale;
import java.util.Optional;

/** Public administration or private body: decides the ContactPerson extensions (Avviso SPID n. 29 v3). */
public enum SpType {
    PUBLIC, PRIVATE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SpType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (SpType t : values()) {
            if (t.value().equalsIgnoreCase(value.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
