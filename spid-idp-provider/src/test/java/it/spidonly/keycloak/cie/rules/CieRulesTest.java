package it.spidonly.keycloak.cie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.rules.PendingRequest;
import it.spidonly.keycloak.spid.rules.RequestedAttributes;
import it.spidonly.keycloak.spid.rules.ResponseMessage;
import it.spidonly.keycloak.spid.rules.Rule;
import it.spidonly.keycloak.spid.rules.RuleChain;
import it.spidonly.keycloak.spid.rules.RuleContext;
import it.spidonly.keycloak.spid.rules.SeenAssertions;
import it.spidonly.keycloak.spid.rules.SpidErrorCode;
import it.spidonly.keycloak.spid.rules.SpidResponse;
import it.spidonly.keycloak.testsupport.idp.CieResponses;
import it.spidonly.keycloak.testsupport.idp.ResponseEdits;
import it.spidonly.keycloak.testsupport.idp.ResponseMutation;
import it.spidonly.keycloak.testsupport.idp.ResponseMutations;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.SpidResponseBuilder;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.idp.Where;

/**
 * The CIE chain on one valid baseline, a CIE Response of the test IdP's CIE mode (Mario Rossi, four attributes,
 * Response Issuer without Format) answering a SpidL2 "minimum" request; each case changes one thing.
 */
class CieRulesTest {
    static final Instant ISSUED = Instant.parse("2026-11-22T12:00:00.250Z");
    static final String IDP = "https://idserver.cie.example/idp/profile/SAML2/POST/SSO";
    static final String SP = "https://login.spid-only.example/realms/ministero/spid/cie/metadata";
    static final String ACS = "https://login.spid-only.example/realms/ministero/spid/acs";
    static final String REQUEST_ID = "_5d1c9f4e3d8c6b7b2e0a";
    static final SigningCredential IDP_KEY = SigningCredential.demo();

    static SpidResponse response(ResponseMutation... mutations) {
        TestUser mario = TestUser.cieDemoUsers().stream().filter(u -> u.username().equals("mario.rossi")).findFirst().orElseThrow();
        List<ResponseMutation> all = new java.util.ArrayList<>();
        all.add(CieResponses.baseline());
        all.addAll(List.of(mutations));
        String base64 = SpidResponseBuilder.of(IDP, IDP_KEY).audience(SP).acs(ACS).inResponseTo(REQUEST_ID).level(2)
                .attributes(CieResponses.attributes(mario)).issuedAt(ISSUED).base64(all);
        return ResponseMessage.decode(base64).view();
    }

    static RuleContext context() {
        Set<String> seen = new HashSet<>();
        return RuleContext.builder().clock(Clock.fixed(ISSUED.plusSeconds(2), ZoneOffset.UTC)).skew(Duration.ofSeconds(60))
                .request(new PendingRequest(REQUEST_ID, ISSUED.minusSeconds(3), SpidLevel.L2, LevelComparison.MINIMUM,
                        RequestedAttributes.of(CieServiceProvider.ATTRIBUTES)))
                .idpEntityId(IDP).acsUrl(ACS).spEntityId(SP).idpCertificates(List.of(IDP_KEY.certificate()))
                .seenAssertions(new SeenAssertions() {
                    @Override
                    public boolean firstUse(String idp, String id, Instant keepUntil) {
                        return seen.add(idp + " " + id);
                    }

                    @Override
                    public boolean seen(String idp, String id) {
                        return seen.contains(idp + " " + id);
                    }
                }).build();
    }

    private static Optional<String> chain(ResponseMutation... mutations) {
        SpidResponse response = response(mutations);
        return CieRuleChains.of(response).firstFailure(response, context());
    }

    @Test
    void theCieBaselinePassesTheCieChain() {
        assertEquals(Optional.empty(), chain());
    }

    @Test
    void theCieChainIsTheSpidChainWithCieRulesInPlaceAndBeforeTheReplayMark() {
        List<String> spid = RuleChain.login().rules().stream().map(Rule::id).toList();
        List<String> cie = CieRuleChains.login().rules().stream().map(Rule::id).toList();
        assertEquals(spid.size() + 2, cie.size());
        assertEquals(spid.indexOf("spid.assertion.issuer.format"), cie.indexOf(CieAssertionIssuerFormatRule.ID));
        assertEquals(List.of(CieAttributesRule.ID, CieDateOfBirthRule.ID, spid.get(spid.size() - 1)), cie.subList(cie.size() - 3, cie.size()));
        assertTrue(cie.stream().noneMatch("spid.assertion.issuer.format"::equals));
    }

    @Test
    void theAssertionIssuerMayComeWithoutFormat() {
        assertEquals(Optional.empty(), chain(ResponseEdits.removeAttribute(Where.assertion().child("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer"), "Format")));
    }

    @Test
    void theAssertionIssuerFormatWhenPresentIsEntity() {
        assertEquals(Optional.of(CieAssertionIssuerFormatRule.ID), chain(ResponseEdits.setAttribute(
                Where.assertion().child("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer"), "Format",
                "urn:oasis:names:tc:SAML:2.0:nameid-format:transient")));
    }

    @ParameterizedTest(name = "{0} missing")
    @CsvSource({"name", "familyName", "dateOfBirth"})
    void eachOfTheFourAttributesIsRequired(String attribute) {
        assertEquals(Optional.of(CieAttributesRule.ID), chain(ResponseMutations.withoutAttribute(attribute)));
    }

    @Test
    void anAttributeOutsideTheFourIsRefusedAsNotRequested() {
        assertEquals(Optional.of("spid.assertion.attributes.requested"), chain(ResponseMutations.withAttribute("email", "a@example.org")));
        assertEquals(Optional.of(CieAttributesRule.ID), new CieAttributesRule().check(
                response(ResponseMutations.withAttribute("email", "a@example.org")), context()).failedRuleId(), "the CIE rule alone too");
    }

    @ParameterizedTest(name = "dateOfBirth {0} refused")
    @CsvSource({"01/01/1980", "1980-02-30", "1980-1-1", "19800101"})
    void dateOfBirthIsACalendarDate(String value) {
        assertEquals(Optional.of(CieDateOfBirthRule.ID), chain(ResponseMutations.withAttributeValue("dateOfBirth", value)));
    }

    @ParameterizedTest(name = "ErrorCode nr{0} → {1}")
    @CsvSource({"1,cieErrorNr1", "21,cieErrorNr21", "22,cieErrorNr22", "23,cieErrorNr23", "25,cieErrorNr25",
            "19,spidErrorOther", "20,spidErrorOther", "14,spidErrorOther", "30,spidErrorOther"})
    void cieErrorCodesHaveTheirPages(String code, String messageKey) {
        SpidResponse response = response(ResponseMutations.statusError(code));
        assertEquals(Optional.empty(), CieRuleChains.of(response).firstFailure(response, context()));
        assertEquals(messageKey, SpidErrorCode.ofCie(response).messageKey());
    }

    @Test
    void spidKeepsItsOwnErrorTable() {
        assertEquals("spidErrorNr21", SpidErrorCode.of(response(ResponseMutations.statusError("21"))).messageKey());
        assertEquals("spidErrorOther", SpidErrorCode.of(response(ResponseMutations.statusError("1"))).messageKey());
    }

    /** What an app reads as {@code error_description} when the citizen goes back to it from the error page. */
    @Test
    void theAppIsToldCieForACieLogin() {
        SpidResponse other = response(ResponseMutations.statusError("14"));
        assertEquals("CIE authentication failed", SpidErrorCode.ofCie(other).description(true));
        assertEquals("SPID authentication failed", SpidErrorCode.of(other).description(false));
        assertEquals("CIE ErrorCode nr25", SpidErrorCode.ofCie(response(ResponseMutations.statusError("25"))).description(true));
    }
}
