package it.spidonly.keycloak.spid.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.testsupport.idp.ResponseMutation;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.SpidResponseBuilder;
import it.spidonly.keycloak.testsupport.idp.TestUser;

/**
 * The one valid baseline of the rule tests: a SPID Response from the test IdP for Mario Rossi, answering a SpidL2
 * "minimum" request for attribute set 0, read through {@link ResponseMessage} like the endpoint does, and the
 * context it is valid in. Tests change exactly one thing (a mutation, or one context value).
 */
final class RulesBaseline {
    static final Instant ISSUED = Instant.parse("2026-11-22T12:00:00.250Z");
    static final Instant REQUESTED = ISSUED.minusSeconds(3);
    static final Instant NOW = ISSUED.plusSeconds(2);
    static final Duration SKEW = Duration.ofSeconds(60);
    static final String IDP = "https://idp.spid.example";
    static final String SP = "https://spid-only.example/ministero";
    static final String ACS = "https://login.spid-only.example/realms/ministero/spid/acs";
    static final String REQUEST_ID = "_7b2e0d1c5a9f4e3d8c6b";
    static final List<String> ATTRIBUTE_SET_0 = List.of("fiscalNumber", "name", "familyName", "email", "dateOfBirth", "spidCode");
    static final SigningCredential IDP_KEY = SigningCredential.demo();

    private RulesBaseline() {
    }

    static String base64(List<ResponseMutation> mutations) {
        return SpidResponseBuilder.of(IDP, IDP_KEY).audience(SP).acs(ACS).inResponseTo(REQUEST_ID).level(2)
                .attributes(marioAttributes()).issuedAt(ISSUED).base64(mutations);
    }

    static SpidResponse response(ResponseMutation... mutations) {
        return read(base64(List.of(mutations)));
    }

    static SpidResponse read(String base64) {
        ResponseMessage message = ResponseMessage.decode(base64);
        if (message.failedRuleId().isPresent()) {
            throw new IllegalStateException("message refused: " + message.failedRuleId().get());
        }
        return message.view();
    }

    static PendingRequest request() {
        return new PendingRequest(REQUEST_ID, REQUESTED, SpidLevel.L2, LevelComparison.MINIMUM, RequestedAttributes.of(ATTRIBUTE_SET_0));
    }

    static RuleContext.Builder context() {
        return RuleContext.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).skew(SKEW).request(request())
                .idpEntityId(IDP).acsUrl(ACS).spEntityId(SP).idpCertificates(List.of(IDP_KEY.certificate()))
                .seenAssertions(new InMemorySeenAssertions());
    }

    private static Map<String, String> marioAttributes() {
        TestUser mario = TestUser.demoUsers().stream().filter(u -> u.username().equals("mario.rossi")).findFirst().orElseThrow();
        Map<String, String> released = new LinkedHashMap<>();
        ATTRIBUTE_SET_0.forEach(name -> released.put(name, mario.attribute(name)));
        return released;
    }

    /** A replay cache for one test. */
    static final class InMemorySeenAssertions implements SeenAssertions {
        private final Set<String> seen = new HashSet<>();

        @Override
        public boolean firstUse(String idpEntityId, String assertionId, Instant keepUntil) {
            return seen.add(idpEntityId + " " + assertionId);
        }

        @Override
        public boolean seen(String idpEntityId, String assertionId) {
            return seen.contains(idpEntityId + " " + assertionId);
        }
    }
}
