package it.spidonly.keycloak.bench.jmh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.rules.PendingRequest;
import it.spidonly.keycloak.spid.rules.RequestedAttributes;
import it.spidonly.keycloak.spid.rules.ResponseMessage;
import it.spidonly.keycloak.spid.rules.RuleChain;
import it.spidonly.keycloak.spid.rules.RuleContext;
import it.spidonly.keycloak.spid.rules.SpidResponse;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.SpidResponseBuilder;

/**
 * The SPID rule chain on a valid Response (the unit tests' baseline: a signed Response and Assertion for a SpidL2
 * "minimum" request of attribute set 0), with {@code chain}: the 47 rules on the already-read view (two signature
 * verifications included, in place, with an RSA IdP key of {@link #idpKeyBits}), and {@code decodeAndChain}: what the ACS does per
 * Response (base64, secure parse, the immutable view, then the chain). Targets (issue 19): chain at most 0.2 ms per
 * Response, decode + chain at most 0.5 ms (RSA-2048).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleChainBenchmark {
    static final Instant ISSUED = Instant.parse("2026-11-22T12:00:00.250Z");
    static final String IDP = "https://idp.spid.example";
    static final String SP = "https://spid-only.example/ministero";
    static final String ACS = "https://login.spid-only.example/realms/ministero/spid/acs";
    static final String REQUEST_ID = "_7b2e0d1c5a9f4e3d8c6b";
    static final List<String> ATTRIBUTE_SET_0 = List.of("fiscalNumber", "name", "familyName", "email", "dateOfBirth", "spidCode");

    /** 2048: 14 of the 18 certificates in AgID's registry copy (3072: 1, 4096: 3); 3072: the test IdP's demo key. */
    @Param({"2048", "3072"})
    public int idpKeyBits;

    private String base64;
    private SpidResponse response;
    private RuleContext context;

    @Setup
    public void setUp() {
        SigningCredential idpKey = idpKeyBits == 3072 ? SigningCredential.demo() : SigningCredential.generate("bench IdP", idpKeyBits);
        base64 = validResponse(idpKey);
        response = read(base64);
        // the replay cache always answers "first use": the same Response is checked again and again
        context = RuleContext.builder().clock(Clock.fixed(ISSUED.plusSeconds(2), ZoneOffset.UTC)).skew(Duration.ofSeconds(60))
                .request(new PendingRequest(REQUEST_ID, ISSUED.minusSeconds(3), SpidLevel.L2, LevelComparison.MINIMUM,
                        RequestedAttributes.of(ATTRIBUTE_SET_0)))
                .idpEntityId(IDP).acsUrl(ACS).spEntityId(SP).idpCertificates(List.of(idpKey.certificate()))
                .seenAssertions((idp, id, until) -> true)
                .build();
        Optional<String> failure = RuleChain.of(response).firstFailure(response, context);
        if (failure.isPresent()) {
            throw new IllegalStateException("The baseline must pass the chain, failed " + failure.get());
        }
    }

    /** The baseline Response (base64) signed by a fresh IdP key of {@code bits}. */
    static String validResponse(int bits) {
        return validResponse(SigningCredential.generate("bench IdP", bits));
    }

    String base64() {
        return base64;
    }

    RuleContext context() {
        return context;
    }

    private static String validResponse(SigningCredential idpKey) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("fiscalNumber", "TINIT-RSSMRA80A01H501U");
        attributes.put("name", "Mario");
        attributes.put("familyName", "Rossi");
        attributes.put("email", "mario.rossi@example.org");
        attributes.put("dateOfBirth", "1980-01-01");
        attributes.put("spidCode", "TIDP0000000001");
        return SpidResponseBuilder.of(IDP, idpKey).audience(SP).acs(ACS).inResponseTo(REQUEST_ID).level(2)
                .attributes(attributes).issuedAt(ISSUED).base64();
    }

    @Benchmark
    public Optional<String> chain() {
        return RuleChain.of(response).firstFailure(response, context);
    }

    @Benchmark
    public Optional<String> decodeAndChain() {
        SpidResponse view = read(base64);
        return RuleChain.of(view).firstFailure(view, context);
    }

    private static SpidResponse read(String base64) {
        ResponseMessage message = ResponseMessage.decode(base64);
        if (message.failedRuleId().isPresent()) {
            throw new IllegalStateException("message refused: " + message.failedRuleId().get());
        }
        return message.view();
    }
}
