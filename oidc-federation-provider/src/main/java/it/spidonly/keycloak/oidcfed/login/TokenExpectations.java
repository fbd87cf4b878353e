package it.spidonly.keycloak.oidcfed.login;

import java.time.Duration;
import java.time.Instant;

/**
 * What the ID token must say for this login (a plain context, no Keycloak session, so each rule runs in a unit test):
 * the OP's issuer, our client id, the nonce we sent, the SPID level we asked for, the time and the clock skew.
 */
public record TokenExpectations(String issuer, String clientId, String nonce, int requestedLevel, Instant now,
                                Duration skew) {
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(3);
}
