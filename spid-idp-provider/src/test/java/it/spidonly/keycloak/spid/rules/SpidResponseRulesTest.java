package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.testsupport.idp.ExpectedOutcome;
import it.spidonly.keycloak.testsupport.idp.ResponseMutation;
import it.spidonly.keycloak.testsupport.idp.ResponseCase;
import it.spidonly.keycloak.testsupport.idp.ResponseCatalogue;

/**
 * Every case of the test IdP's catalogue against the rules, without a server: the SPID baseline changed in one
 * place must fail the rule the catalogue names (first in the chain, and on its own), and the acceptable variants
 * must pass every rule.
 */
class SpidResponseRulesTest {
    private static final List<ResponseCase> CATALOGUE = ResponseCatalogue.cases(RulesBaseline.IDP_KEY);

    static Stream<ResponseCase> refused() {
        return CATALOGUE.stream().filter(c -> c.expected().kind() == ExpectedOutcome.Kind.REFUSED
                && c.scenario() == ResponseCase.Scenario.STANDARD && !c.expected().key().startsWith("spid.message."));
    }

    static Stream<ResponseCase> accepted() {
        return CATALOGUE.stream().filter(c -> c.expected().kind() == ExpectedOutcome.Kind.ACCEPTED);
    }

    static Stream<ResponseCase> idpErrors() {
        return CATALOGUE.stream().filter(c -> c.expected().kind() == ExpectedOutcome.Kind.IDP_ERROR);
    }

    static Stream<ResponseCase> messages() {
        return CATALOGUE.stream().filter(c -> c.expected().key() != null && c.expected().key().startsWith("spid.message."));
    }

    @Test
    void theBaselinePassesEveryRuleOneByOne() {
        SpidResponse baseline = RulesBaseline.response();
        RuleContext context = RulesBaseline.context().build();
        for (Rule rule : RuleChain.login().rules()) {
            assertTrue(rule.check(baseline, context).passed(), rule.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void theBaselineChangedInOnePlaceFailsItsRule(ResponseCase c) {
        SpidResponse response = RulesBaseline.response(c.mutationArray());
        RuleContext context = RulesBaseline.context().build();

        assertEquals(Optional.of(c.expected().key()), RuleChain.of(response).firstFailure(response, context));
        Rule rule = ruleById(c.expected().key());
        assertEquals(Optional.of(c.expected().key()), rule.check(response, RulesBaseline.context().build()).failedRuleId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptableVariantsPass(ResponseCase c) {
        SpidResponse response = RulesBaseline.response(c.mutationArray());
        assertSame(RuleChain.login(), RuleChain.of(response));
        assertEquals(Optional.empty(), RuleChain.login().firstFailure(response, RulesBaseline.context().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idpErrors")
    void spidErrorStatusesPassTheErrorRulesAndNameTheirPage(ResponseCase c) {
        SpidResponse response = RulesBaseline.response(c.mutationArray());
        assertSame(RuleChain.errorStatus(), RuleChain.of(response));
        assertEquals(Optional.empty(), RuleChain.errorStatus().firstFailure(response, RulesBaseline.context().build()));
        assertEquals(c.expected().key(), SpidErrorCode.of(response).messageKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void malformedMessagesAreRefusedBeforeParsing(ResponseCase c) {
        String samlResponse = c.rewriteBase64(RulesBaseline.base64(c.mutations()));
        assertEquals(Optional.of(c.expected().key()), ResponseMessage.decode(samlResponse).failedRuleId());
    }

    @Test
    void aReplayedAssertionIsRefusedTheSecondTime() {
        RuleContext context = RulesBaseline.context().build();
        SpidResponse response = RulesBaseline.response();
        assertEquals(Optional.empty(), RuleChain.login().firstFailure(response, context));
        assertEquals(Optional.of(ReplayRule.ID), RuleChain.login().firstFailure(response, context));
    }

    @Test
    void aResponseRefusedForAnotherRequestIsNotMarkedAsUsed() {
        RuleContext.Builder builder = RulesBaseline.context();
        RuleContext otherRealm = builder.request(new PendingRequest("_another-request", RulesBaseline.REQUESTED, SpidLevel.L2,
                LevelComparison.MINIMUM, RequestedAttributes.of(RulesBaseline.ATTRIBUTE_SET_0))).build();
        RuleContext noPendingLogin = builder.request(null).build();
        RuleContext rightRealm = builder.request(RulesBaseline.request()).build();
        SpidResponse response = RulesBaseline.response();
        assertEquals(Optional.of(SolicitedResponseRule.ID), RuleChain.login().firstFailure(response, noPendingLogin));
        assertEquals(Optional.of(InResponseToRule.ID), RuleChain.login().firstFailure(response, otherRealm));
        assertEquals(Optional.empty(), RuleChain.login().firstFailure(response, rightRealm));
        assertEquals(Optional.of(ReplayRule.ID), RuleChain.login().firstFailure(response, rightRealm));
    }

    @Test
    void aDigestOrSignatureMethodWithoutAlgorithmIsRefusedNotAnError() {
        for (String method : List.of("DigestMethod", "SignatureMethod")) {
            SpidResponse response = RulesBaseline.response(ResponseMutation.onceSigned(document -> {
                org.w3c.dom.Element element = (org.w3c.dom.Element) document.getElementsByTagNameNS(
                        "http://www.w3.org/2000/09/xmldsig#", method).item(0);
                element.removeAttribute("Algorithm");
            }));
            assertEquals(Optional.of(SignatureAlgorithmRule.ID), RuleChain.login().firstFailure(response, RulesBaseline.context().build()),
                    method);
        }
    }

    @Test
    void twoRacingPostsOfOneResponseBothPassThePeekButOnlyOneIsMarked() {
        RuleContext context = RulesBaseline.context().build();
        SpidResponse response = RulesBaseline.response();
        assertTrue(new ReplayRule().check(response, context).passed());
        assertTrue(new ReplayRule().check(response, context).passed());
        assertTrue(new ReplayMarkRule().check(response, context).passed());
        assertEquals(Optional.of(ReplayRule.ID), new ReplayMarkRule().check(response, context).failedRuleId());
        assertEquals(ReplayMarkRule.class, RuleChain.login().rules().get(RuleChain.login().rules().size() - 1).getClass(),
                "marking is the chain's last step");
    }

    @Test
    void theReplayCacheKeepsTheAssertionUntilItExpiresPlusSkew() {
        AssertionView assertion = RulesBaseline.response().assertion().orElseThrow();
        assertEquals(RulesBaseline.ISSUED.plusSeconds(300).plus(RulesBaseline.SKEW),
                ReplayRule.keepUntil(assertion, RulesBaseline.context().build()));
    }

    @Test
    void aResponseWithoutAPendingRequestIsUnsolicited() {
        RuleContext noRequest = RulesBaseline.context().request(null).build();
        for (ResponseCase c : CATALOGUE.stream().filter(c -> c.scenario() == ResponseCase.Scenario.UNSOLICITED).toList()) {
            SpidResponse response = RulesBaseline.response(c.mutationArray());
            assertEquals(Optional.of(c.expected().key()), RuleChain.of(response).firstFailure(response, noRequest), c.name());
        }
    }

    @Test
    void everyRuleOfBothChainsHasACatalogueCase() {
        Set<String> covered = CATALOGUE.stream().filter(c -> c.expected().kind() == ExpectedOutcome.Kind.REFUSED)
                .map(c -> c.expected().key()).collect(Collectors.toSet());
        Set<String> missing = Stream.concat(RuleChain.login().rules().stream(), RuleChain.errorStatus().rules().stream())
                .map(Rule::id).filter(id -> !covered.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), () -> "rules without a catalogue case: " + missing);
    }

    @Test
    void ruleIdsAreUniqueWithinAChain() {
        for (RuleChain chain : List.of(RuleChain.login(), RuleChain.errorStatus())) {
            // ReplayMarkRule shares ReplayRule's id on purpose: a racing second post is a replay too
            List<String> ids = chain.rules().stream().filter(r -> !(r instanceof ReplayMarkRule)).map(Rule::id).toList();
            assertEquals(ids.size(), Set.copyOf(ids).size(), ids.toString());
        }
    }

    @Test
    void theWrongIdpKeyFailsBothSignatures() {
        RuleContext otherKey = RulesBaseline.context()
                .idpCertificates(List.of(it.spidonly.keycloak.testsupport.idp.SigningCredential.generate("other").certificate())).build();
        SpidResponse response = RulesBaseline.response();
        assertFalse(new TrustedSignatureRule(Part.RESPONSE).check(response, otherKey).passed());
        assertFalse(new TrustedSignatureRule(Part.ASSERTION).check(response, otherKey).passed());
        assertEquals(Optional.of("spid.response.signature.trusted"), RuleChain.login().firstFailure(response, otherKey));
    }

    private static Rule ruleById(String id) {
        return Stream.concat(RuleChain.login().rules().stream(), RuleChain.errorStatus().rules().stream())
                .filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no rule " + id));
    }
}
