package it.spidonly.keycloak.spid.level;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelComparisonTest {

    @ParameterizedTest(name = "{0} L{1} answered with L{2}: {3}")
    @CsvSource({
            "minimum, 2, 1, false", "minimum, 2, 2, true", "minimum, 2, 3, true",
            "exact, 2, 1, false", "exact, 2, 2, true", "exact, 2, 3, false",
            "better, 2, 2, false", "better, 2, 3, true", "better, 3, 3, false",
            "maximum, 2, 1, true", "maximum, 2, 2, true", "maximum, 2, 3, false"})
    void comparisonAcceptsTheLevelsSpidSays(String comparison, int requested, int answered, boolean accepted) {
        LevelComparison c = LevelComparison.parse(comparison).orElseThrow();
        assertEquals(accepted, c.accepts(SpidLevel.parse(String.valueOf(requested)).orElseThrow(),
                SpidLevel.parse(String.valueOf(answered)).orElseThrow()));
    }

    @ParameterizedTest
    @CsvSource({"2, L2", "L3, L3", "SpidL1, L1", "https://www.spid.gov.it/SpidL2, L2"})
    void levelsParseFromTheFormsAdminsAndIdpsUse(String raw, SpidLevel expected) {
        assertEquals(expected, SpidLevel.parse(raw).orElseThrow());
    }
}
