package it.spidonly.keycloak.oidcfed.trust;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code iat} in the past and {@code exp} in the future, with a small leeway (OpenID Federation §ESValidation). */
record StatementTimes(Clock clock, Duration leeway) {

    long now() {
        return clock.instant().getEpochSecond();
    }

    /** Checks {@code iat}/{@code exp} of a statement; returns its {@code exp}. */
    long check(JsonNode claims, String what) throws TrustChainException {
        JsonNode iat = claims.get("iat");
        JsonNode exp = claims.get("exp");
        if (iat == null || !iat.canConvertToLong() || iat.asLong() > now() + leeway.toSeconds()) {
            throw ChainCheck.fail(ChainCheck.IAT, what + ": iat missing or in the future");
        }
        if (exp == null || !exp.canConvertToLong() || exp.asLong() <= now() - leeway.toSeconds()) {
            throw ChainCheck.fail(ChainCheck.EXPIRED, what + ": expired");
        }
        return exp.asLong();
    }
}
