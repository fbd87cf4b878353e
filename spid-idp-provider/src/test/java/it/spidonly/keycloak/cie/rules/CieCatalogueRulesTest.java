package it.spidonly.keycloak.cie.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import it.spidonly.keycloak.spid.rules.RuleChain;
import it.spidonly.keycloak.spid.rules.SpidErrorCode;
import it.spidonly.keycloak.spid.rules.SpidResponse;
import it.spidonly.keycloak.testsupport.idp.CieResponseCatalogue;
import it.spidonly.keycloak.testsupport.idp.ResponseCase;

/** Every case of the CIE catalogue against the CIE chains, without a server (the IT does the same on Keycloak). */
class CieCatalogueRulesTest {
    private static final List<ResponseCase> CATALOGUE = CieResponseCatalogue.cases(CieRulesTest.IDP_KEY);

    static Stream<ResponseCase> standard() {
        return CATALOGUE.stream().filter(c -> c.scenario() == ResponseCase.Scenario.STANDARD
                && (c.expected().key() == null || !c.expected().key().startsWith("spid.message.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standard")
    void eachCaseGetsItsCieOutcome(ResponseCase c) {
        SpidResponse response = CieRulesTest.response(c.mutationArray());
        Optional<String> failure = CieRuleChains.of(response).firstFailure(response, CieRulesTest.context());
        switch (c.expected().kind()) {
            case ACCEPTED -> assertEquals(Optional.empty(), failure);
            case REFUSED -> assertEquals(Optional.of(c.expected().key()), failure);
            case IDP_ERROR -> {
                assertEquals(RuleChain.errorStatus(), CieRuleChains.of(response));
                assertEquals(Optional.empty(), failure);
                assertEquals(c.expected().key(), SpidErrorCode.ofCie(response).messageKey());
            }
            default -> throw new IllegalStateException(c.toString());
        }
    }
}
