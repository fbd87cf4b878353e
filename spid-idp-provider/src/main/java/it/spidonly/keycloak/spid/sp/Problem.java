package it.spidonly.keycloak.spid.sp;

import java.util.List;

/**
 * One thing wrong with the SP settings: a message key of the bundle's {@code messages_*.properties}
 * (also the id tests assert on) and its parameters.
 */
public record Problem(String key, List<Object> params) {
    public static Problem of(String key, Object... params) {
        return new Problem(key, List.of(params));
    }
}
