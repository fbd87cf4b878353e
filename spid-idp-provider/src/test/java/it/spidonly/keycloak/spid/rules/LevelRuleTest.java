package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import it.spidonly.keycloak.spid.level.LevelComparison;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.testsupport.idp.ResponseCatalogue;
import it.spidonly.keycloak.testsupport.idp.ResponseMutations;

/** SpidL1, L2 and L3 answered to a SpidL2 request, for each Comparison (the catalogue's level cases). */
class LevelRuleTest {

    static Iterable<ResponseCatalogue.LevelCase> levelCases() {
        return ResponseCatalogue.levelCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levelCases")
    void theAnsweredLevelMustSatisfyTheComparison(ResponseCatalogue.LevelCase c) {
        PendingRequest request = new PendingRequest(RulesBaseline.REQUEST_ID, RulesBaseline.REQUESTED, SpidLevel.L2,
                LevelComparison.parse(c.comparison()).orElseThrow(), RequestedAttributes.of(RulesBaseline.ATTRIBUTE_SET_0));
        RuleContext context = RulesBaseline.context().request(request).build();
        SpidResponse response = RulesBaseline.response(ResponseMutations.withLevel(c.answeredLevel()));

        assertEquals(c.accepted() ? Optional.empty() : Optional.of(LevelRule.ID), RuleChain.login().firstFailure(response, context));
    }
}
