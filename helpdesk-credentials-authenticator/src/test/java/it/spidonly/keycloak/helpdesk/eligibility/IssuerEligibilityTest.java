package it.spidonly.keycloak.helpdesk.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/** helpdesk.md, Eligibility, over every EU/EEA state (alpha-2 and ICAO alpha-3), third countries and ICAO's special codes. */
class IssuerEligibilityTest {
    private final IssuerEligibility eligibility = new IssuerEligibility(EidasStates.defaults());

    /** eidas-ficep.md: EU 27 (Greece EL in eIDAS) and EEA, with their ICAO/ISO alpha-3; Italy apart. */
    static Stream<String[]> euEea() {
        return Stream.of(new String[][] {
                {"AT", "AUT"}, {"BE", "BEL"}, {"BG", "BGR"}, {"HR", "HRV"}, {"CY", "CYP"}, {"CZ", "CZE"}, {"DK", "DNK"},
                {"EE", "EST"}, {"FI", "FIN"}, {"FR", "FRA"}, {"DE", "D<<"}, {"GR", "GRC"}, {"HU", "HUN"}, {"IE", "IRL"},
                {"LV", "LVA"}, {"LT", "LTU"}, {"LU", "LUX"}, {"MT", "MLT"}, {"NL", "NLD"}, {"PL", "POL"}, {"PT", "PRT"},
                {"RO", "ROU"}, {"SK", "SVK"}, {"SI", "SVN"}, {"ES", "ESP"}, {"SE", "SWE"}, {"IS", "ISL"}, {"LI", "LIE"},
                {"NO", "NOR"}});
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("euEea")
    void everyEuEeaStateIsSentToEidas(String alpha2, String alpha3) {
        for (String code : List.of(alpha2, alpha3)) {
            Refusal refusal = eligibility.check(IssuingState.of(code)).orElseThrow(() -> new AssertionError(code + " accepted"));
            assertEquals(IssuerEligibility.EU_EEA, refusal.key(), code);
            assertEquals(List.of(alpha2), refusal.params(), code);
        }
    }

    @Test
    void theListHasThirtyStatesWithoutItaly() {
        assertEquals(29, euEea().count());
        assertEquals(30, EidasStates.defaults().alpha2().size());
    }

    @ParameterizedTest
    @CsvSource({"IT", "ITA", "ita"})
    void italianDocumentsAreSentToSpid(String code) {
        Refusal refusal = eligibility.check(IssuingState.of(code)).orElseThrow();
        assertEquals(IssuerEligibility.ITALY, refusal.key());
    }

    @ParameterizedTest
    @CsvSource({"GB, GB", "GBR, GB", "GBD, GB", "GBN, GB", "GBO, GB", "GBP, GB", "GBS, GB", "CH, CH", "CHE, CH",
            "US, US", "USA, US", "UA, UA", "UKR, UA", "NAM, NA", "RKS, XK", "UNK, XK", "ALB, AL", "SRB, RS"})
    void thirdCountriesAreAccepted(String code, String alpha2) {
        IssuingState state = IssuingState.of(code);
        assertEquals(StateKind.STATE, state.kind());
        assertEquals(alpha2, state.alpha2());
        assertTrue(eligibility.check(state).isEmpty(), code);
    }

    @ParameterizedTest
    @CsvSource({
            "D<<, helpdesk.eligibility.eu-eea", "D, helpdesk.eligibility.eu-eea", "EL, helpdesk.eligibility.eu-eea",
            "EUE, helpdesk.eligibility.eu-eea",
            "UTO, helpdesk.eligibility.specimen",
            "XXA, helpdesk.eligibility.not-a-state", "XXB, helpdesk.eligibility.not-a-state",
            "XXC, helpdesk.eligibility.not-a-state", "XXX, helpdesk.eligibility.not-a-state",
            "UNO, helpdesk.eligibility.not-a-state", "XOM, helpdesk.eligibility.not-a-state",
            "ZZZ, helpdesk.eligibility.unknown-state", "QQ, helpdesk.eligibility.unknown-state",
            "'', helpdesk.eligibility.unknown-state"})
    void mrzSpecialCodes(String code, String key) {
        assertEquals(key, eligibility.check(IssuingState.of(code)).orElseThrow().key());
    }

    @Test
    void theRealmCanChangeTheList() {
        IssuerEligibility custom = new IssuerEligibility(EidasStates.parse("FR, el"));
        assertTrue(custom.check(IssuingState.of("AUT")).isEmpty(), "Austria not listed any more");
        assertEquals(IssuerEligibility.EU_EEA, custom.check(IssuingState.of("GRC")).orElseThrow().key());
        assertEquals(IssuerEligibility.ITALY, custom.check(IssuingState.of("ITA")).orElseThrow().key(), "Italy always to SPID");
    }

    @Test
    void codesForTheSameStateAreTheSame() {
        assertTrue(IssuingState.of("D<<").sameAs(IssuingState.of("DE")));
        assertTrue(IssuingState.of("GBN").sameAs(IssuingState.of("GBR")));
        assertTrue(IssuingState.of("XXA").sameAs(IssuingState.of("XXA")));
        assertTrue(!IssuingState.of("XXA").sameAs(IssuingState.of("XXB")));
    }
}
