package it.spidonly.keycloak.helpdesk.admin;

import java.time.LocalDate;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import it.spidonly.keycloak.helpdesk.eligibility.EidasStates;
import it.spidonly.keycloak.helpdesk.eligibility.IssuerEligibility;
import it.spidonly.keycloak.helpdesk.proofing.ProofingValidator;

/**
 * Issue 16, fuzzing: the help-desk operator API's JSON bodies (helpdesk.admin) as {@code HelpdeskAdminResource} reads
 * them: {@link JsonBodies} into a proofing or a decision, then the proofing validator. The only way out is a
 * {@link HelpdeskProblem} (a 400 with a message key); anything else is a finding. Seeds:
 * {@code HelpdeskJsonBodiesFuzzTestInputs/}.
 */
class HelpdeskJsonBodiesFuzzTest {
    private static final ProofingValidator VALIDATOR = new ProofingValidator(new IssuerEligibility(EidasStates.defaults()));
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @FuzzTest(maxDuration = "5s")
    @DictionaryEntries({"\"documentType\"", "\"passport\"", "\"issuingState\"", "\"mrz\"", "\"birthDate\"", "\"expiryDate\"",
            "\"email\"", "\"emailVerified\"", "\"noEuEidStatement\"", "\"reason\"", "\"evidenceRef\"", "null", "true", "[", "{"})
    void bodiesAreReadOrRefused(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        try {
            ProofingRequest proofing = JsonBodies.read(body, ProofingRequest.class);
            if (proofing != null) {
                VALIDATOR.validate(proofing.toInput(), TODAY);
            }
        } catch (HelpdeskProblem refused) {
            // refused: 400 with a message key
        }
        try {
            JsonBodies.read(body, DecisionRequest.class);
        } catch (HelpdeskProblem refused) {
            // refused
        }
    }
}
