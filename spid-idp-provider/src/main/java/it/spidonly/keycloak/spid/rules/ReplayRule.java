package it.spidonly.keycloak.spid.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * SPID: the same Assertion is never accepted twice, on any node, until it expires. This rule, early in the chain
 * (right after the signatures), only asks whether the assertion was used before, so that a replay is refused as one;
 * it records nothing. The assertion is recorded by {@link ReplayMarkRule}, the last rule of the chain, once the
 * response is bound to this realm's pending request (issue 16, N4: a response posted to the wrong realm, or
 * refused for any other reason, is not burnt). The record lasts until the later of its NotOnOrAfter times plus the
 * clock skew; when neither can be read, for {@link #FALLBACK_MEMORY}.
 */
public final class ReplayRule extends AssertionRule {
    public static final String ID = "spid.assertion.replay";
    /** How long an assertion without a readable NotOnOrAfter is remembered (it is refused anyway). */
    public static final Duration FALLBACK_MEMORY = Duration.ofHours(1);

    @Override
    public String id() {
        return ID;
    }

    @Override
    RuleResult check(AssertionView assertion, RuleContext context) {
        String assertionId = assertion.header().id();
        if (assertionId == null || assertionId.isBlank()) {
            return RuleResult.failure(id());
        }
        return require(!context.seenAssertions().seen(context.idpEntityId(), assertionId));
    }

    static Instant keepUntil(AssertionView assertion, RuleContext context) {
        Stream<String> limits = Stream.concat(
                assertion.conditions().map(AssertionView.Conditions::notOnOrAfter).stream(),
                assertion.subject().stream().flatMap(s -> s.confirmations().stream())
                        .flatMap(c -> c.data().map(AssertionView.ConfirmationData::notOnOrAfter).stream()));
        Optional<Instant> latest = limits.map(SamlInstant::parse).flatMap(Optional::stream).max(Instant::compareTo);
        Instant floor = context.now().plus(context.skew()).plusSeconds(1);
        Instant until = latest.map(i -> i.plus(context.skew())).orElse(context.now().plus(FALLBACK_MEMORY));
        return until.isAfter(floor) ? until : floor;
    }
}
