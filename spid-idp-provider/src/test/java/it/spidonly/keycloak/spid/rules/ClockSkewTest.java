package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;

/** The one clock-skew allowance applies wherever times are compared; the baseline is valid from ISSUED to ISSUED+5 min. */
class ClockSkewTest {

    private static Optional<String> at(Instant now, Duration skew) {
        RuleContext context = RulesBaseline.context().clock(Clock.fixed(now, ZoneOffset.UTC)).skew(skew).build();
        return RuleChain.login().firstFailure(RulesBaseline.response(), context);
    }

    @Test
    void aResponseFromAnIdpWhoseClockIsAheadIsAcceptedWithinTheSkew() {
        Instant now = RulesBaseline.ISSUED.minusSeconds(30);
        RuleContext context = RulesBaseline.context().clock(Clock.fixed(now, ZoneOffset.UTC))
                .request(new PendingRequest(RulesBaseline.REQUEST_ID, now.minusSeconds(1), SpidLevel.L2, LevelComparison.MINIMUM,
                        RequestedAttributes.of(RulesBaseline.ATTRIBUTE_SET_0))).build();
        assertEquals(Optional.empty(), RuleChain.login().firstFailure(RulesBaseline.response(), context));
        assertEquals(Optional.of("spid.response.issue-instant.future"), RuleChain.login().firstFailure(RulesBaseline.response(),
                context.toBuilder().skew(Duration.ofSeconds(10)).build()));
    }

    @Test
    void anExpiredAssertionIsAcceptedOnlyWithinTheSkew() {
        Instant justExpired = RulesBaseline.ISSUED.plusSeconds(300 + 20);
        assertEquals(Optional.empty(), at(justExpired, Duration.ofSeconds(60)));
        assertEquals(Optional.of("spid.assertion.subject-confirmation-data.not-on-or-after"), at(justExpired, Duration.ofSeconds(10)));
    }

    @Test
    void aResponseIssuedJustBeforeTheRequestIsAcceptedOnlyWithinTheSkew() {
        PendingRequest later = new PendingRequest(RulesBaseline.REQUEST_ID, RulesBaseline.ISSUED.plusSeconds(20), SpidLevel.L2,
                LevelComparison.MINIMUM, RequestedAttributes.of(RulesBaseline.ATTRIBUTE_SET_0));
        RuleContext context = RulesBaseline.context().request(later).build();
        assertEquals(Optional.empty(), RuleChain.login().firstFailure(RulesBaseline.response(), context));
        assertEquals(Optional.of("spid.response.issue-instant.before-request"), RuleChain.login().firstFailure(RulesBaseline.response(),
                context.toBuilder().skew(Duration.ofSeconds(5)).build()));
    }

    @Test
    void aResponseIssuedExactlyAtTheRequestInstantIsAccepted() {
        PendingRequest sameInstant = new PendingRequest(RulesBaseline.REQUEST_ID, RulesBaseline.ISSUED, SpidLevel.L2,
                LevelComparison.MINIMUM, RequestedAttributes.of(RulesBaseline.ATTRIBUTE_SET_0));
        RuleContext context = RulesBaseline.context().request(sameInstant).skew(Duration.ZERO).build();
        assertEquals(Optional.empty(), RuleChain.login().firstFailure(RulesBaseline.response(), context));
    }
}
