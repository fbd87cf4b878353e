package it.spidonly.keycloak.cutover.inps;

import java.io.IOException;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.cutover.fiscal.FiscalCode;

/**
 * Issue 16, fuzzing: INPS's answer as {@code HttpInpsPinVerifier} reads it (any status, any body: JSON or not) into a
 * verdict, and what a person types in the INPS PIN form (fiscal code, PIN). Every input ends in a verdict or a form
 * problem; nothing throws. Seeds: {@code InpsAnswerFuzzTestInputs/}.
 */
class InpsAnswerFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"\"outcome\"", "\"VALID\"", "\"INVALID\"", "\"BLOCKED\"", "\"fiscalCode\"", "\"givenName\"",
            "\"familyName\"", "RSSMRA80A01H501U", "TINIT-"})
    void answersAndTypedInputEndInAVerdict(FuzzedDataProvider data) {
        int status = data.consumeInt(100, 599);
        String typedCode = data.consumeString(40);
        String pin = data.consumeString(40);
        String body = data.consumeRemainingAsString();
        InpsAnswer.read(status, parse(body), "RSSMRA80A01H501U");
        InpsAnswer.read(200, parse(body), typedCode);
        InpsPinInput.problem(typedCode, pin);
        FiscalCode.check(typedCode);
        FiscalCode.forLogs(typedCode);
    }

    /** As the verifier parses the body: not JSON is no answer. */
    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
