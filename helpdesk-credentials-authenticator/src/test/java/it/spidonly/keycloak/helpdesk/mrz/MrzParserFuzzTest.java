package it.spidonly.keycloak.helpdesk.mrz;

import java.util.Arrays;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Issue 16, fuzzing: the machine-readable zone the operator types or scans (helpdesk.mrz), any number of lines of
 * any characters. The parser answers a reading or a refusal; it never throws. Seeds: {@code MrzParserFuzzTestInputs/}.
 */
class MrzParserFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void linesAreReadOrRefused(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        MrzParser.parse(Arrays.asList(text.split("\n", -1)));
    }
}
