package it.spidonly.keycloak.spid.rules;

import java.time.Instant;
import java.util.Objects;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;

/**
 * The AuthnRequest this browser session sent to the IdP and is waiting an answer for.
 *
 * @param id           the request ID (every InResponseTo must equal it)
 * @param issueInstant the request's IssueInstant (no answer may be issued before it), or null if unknown
 * @param level        the requested SPID level
 * @param comparison   the requested Comparison
 * @param attributes   the requested attribute names, or exempt
 */
public record PendingRequest(String id, Instant issueInstant, SpidLevel level, LevelComparison comparison,
                             RequestedAttributes attributes) {
    public PendingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(attributes, "attributes");
    }
}
