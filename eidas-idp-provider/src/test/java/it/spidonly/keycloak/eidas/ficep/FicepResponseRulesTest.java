package it.spidonly.keycloak.eidas.ficep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
import it.spidonly.keycloak.testsupport.idp.TestUser;

/** A FICEP answer (attribute set 99, no fiscal number) through the SPID chain and the FICEP rules, as the endpoint runs them. */
class FicepResponseRulesTest {
    private static final Instant ISSUED = Instant.parse("2026-11-22T12:00:00.250Z");
    private static final String FICEP = "https://sp-proxy.pre.eid.gov.it/spproxy/idpit";
    private static final String SP = "https://spid-only.example/ministero";
    private static final String ACS = "https://login.spid-only.example/realms/ministero/spid/acs";
    private static final String REQUEST_ID = "_9c1d2e3f4a5b6c7d8e9f";
    private static final SigningCredential KEY = SigningCredential.demo();
    private static final List<String> SET_99 = List.of("dateOfBirth", "familyName", "name", "spidCode");

    @Test
    void ficepAnswerWithoutFiscalNumberPassesEveryRule() {
        assertEquals(Optional.empty(), firstFailure(elena()));
    }

    @Test
    void theSameAnswerToARequestForASpidSetIsRefusedForTheMissingFiscalNumber() {
        PendingRequest spidSet = new PendingRequest(REQUEST_ID, ISSUED.minusSeconds(3), SpidLevel.L2, LevelComparison.MINIMUM,
                RequestedAttributes.of(List.of("fiscalNumber", "name", "familyName", "dateOfBirth", "spidCode")));
        SpidResponse response = read(elena());
        assertEquals(Optional.of("spid.assertion.attributes.fiscal-number"),
                RuleChain.of(response).firstFailure(response, context(spidSet)));
    }

    @ParameterizedTest(name = "spidCode \"{0}\" is refused")
    @ValueSource(strings = {"", "TIDP0000000001", "es/it/02635542Y"})
    void aMissingOrMalformedPersonIdentifierIsRefused(String spidCode) {
        Map<String, String> attributes = elena();
        if (spidCode.isEmpty()) {
            attributes.remove("spidCode");
        } else {
            attributes.put("spidCode", spidCode);
        }
        assertEquals(Optional.of(PersonIdentifierRule.ID), firstFailure(attributes));
    }

    private static Optional<String> firstFailure(Map<String, String> attributes) {
        SpidResponse response = read(attributes);
        RuleContext context = context(new PendingRequest(REQUEST_ID, ISSUED.minusSeconds(3), SpidLevel.L2,
                LevelComparison.MINIMUM, RequestedAttributes.exempt()));
        Optional<String> failed = RuleChain.of(response).firstFailure(response, context);
        if (failed.isPresent()) {
            return failed;
        }
        return new FicepIdentityProviderConfig().additionalLoginRules().stream().map(rule -> rule.check(response, context))
                .filter(result -> !result.passed()).findFirst().flatMap(result -> result.failedRuleId());
    }

    private static SpidResponse read(Map<String, String> attributes) {
        String base64 = SpidResponseBuilder.of(FICEP, KEY).audience(SP).acs(ACS).inResponseTo(REQUEST_ID).level(2)
                .attributes(attributes).issuedAt(ISSUED).base64();
        return ResponseMessage.decode(base64).view();
    }

    private static RuleContext context(PendingRequest request) {
        Set<String> seen = new HashSet<>();
        return RuleContext.builder().clock(Clock.fixed(ISSUED.plusSeconds(2), ZoneOffset.UTC)).skew(Duration.ofSeconds(60))
                .request(request).idpEntityId(FICEP).acsUrl(ACS).spEntityId(SP).idpCertificates(List.of(KEY.certificate()))
                .seenAssertions((idp, id, until) -> seen.add(idp + id)).build();
    }

    private static Map<String, String> elena() {
        TestUser elena = TestUser.eidasDemoUsers().get(0);
        Map<String, String> released = new LinkedHashMap<>();
        SET_99.forEach(name -> released.put(name, elena.attribute(name)));
        return released;
    }
}
