package it.spidonly.keycloak.helpdesk.proofing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import it.spidonly.keycloak.helpdesk.eligibility.EidasStates;
import it.spidonly.keycloak.helpdesk.eligibility.IssuerEligibility;

/** One valid baseline proofing; each case changes one thing and expects exactly the refusal naming it. */
class ProofingValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final ProofingValidator validator = new ProofingValidator(new IssuerEligibility(EidasStates.defaults()));

    @Test
    void theBaselineIsValidAndNormalised() {
        ValidProofing p = validator.validate(Specimens.usPassport(), TODAY).proofing().orElseThrow();
        assertEquals("US", p.issuingState().alpha2());
        assertEquals("583921746", p.documentNumber());
        assertEquals(DocumentType.PASSPORT, p.documentType());
        assertEquals("+12025550143", p.phone());
        assertTrue(p.mrz().orElseThrow().failedChecks().isEmpty());
        assertEquals(2, p.mrzLines().size());
        assertEquals(64, p.documentKey().length());
    }

    @Test
    void withoutMrzTheTypedDataIsEnough() {
        assertTrue(validator.validate(with(Specimens.usPassport(), i -> copy(i, "mrz", List.of())), TODAY).refusals().isEmpty());
    }

    static Stream<Arguments> oneThingWrong() {
        return Stream.of(
                Arguments.of("documentType", null, "helpdesk.input.missing", List.of("documentType")),
                Arguments.of("documentType", "visa", "helpdesk.input.invalid", List.of("documentType")),
                Arguments.of("documentNumber", " ", "helpdesk.input.missing", List.of("documentNumber")),
                Arguments.of("documentNumber", "--", "helpdesk.input.invalid", List.of("documentNumber")),
                Arguments.of("issuingState", null, "helpdesk.input.missing", List.of("issuingState")),
                Arguments.of("expiryDate", "31/05/2031", "helpdesk.input.invalid", List.of("expiryDate")),
                Arguments.of("birthDate", "2027-01-01", "helpdesk.input.invalid", List.of("birthDate")),
                Arguments.of("sex", "female", "helpdesk.input.invalid", List.of("sex")),
                Arguments.of("nationality", "QQQ", "helpdesk.input.invalid", List.of("nationality")),
                Arguments.of("email", "ann.example.org", "helpdesk.input.invalid", List.of("email")),
                Arguments.of("phone", "555-PHONE", "helpdesk.input.invalid", List.of("phone")),
                Arguments.of("faceComparison", "photo", "helpdesk.input.invalid", List.of("faceComparison")),
                Arguments.of("locale", "de", "helpdesk.input.invalid", List.of("locale")),
                Arguments.of("issuingState", "FRA", "helpdesk.eligibility.eu-eea", List.of("FR")),
                Arguments.of("issuingState", "ITA", "helpdesk.eligibility.italy", List.of("ITA")),
                Arguments.of("emailVerified", false, "helpdesk.eligibility.email-not-validated", List.of()),
                Arguments.of("noEuEid", null, "helpdesk.eligibility.eu-eid-statement", List.of()),
                Arguments.of("mrz", List.of("P<USA"), "helpdesk.mrz.format.lines", List.of("1")));
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @MethodSource("oneThingWrong")
    void oneWrongFieldGivesOneRefusalNamingIt(String field, Object value, String key, List<String> params) {
        ProofingInput input = copy(Specimens.usPassport(), field, value);
        if (field.equals("issuingState")) {
            input = copy(input, "mrz", List.of());
        }
        assertEquals(List.of(new Refusal(key, params)), validator.validate(input, TODAY).refusals());
    }

    @Test
    void anExpiredDocumentIsRefusedWithItsDate() {
        ProofingInput input = copy(copy(Specimens.usPassport(), "expiryDate", "2026-11-30"), "mrz", List.of());
        assertEquals(List.of(Refusal.of("helpdesk.eligibility.document-expired", "2026-11-30")), validator.validate(input, TODAY).refusals());
        assertTrue(validator.validate(copy(copy(Specimens.usPassport(), "expiryDate", "2026-12-01"), "mrz", List.of()), TODAY)
                .refusals().isEmpty(), "valid through its expiry date");
    }

    @Test
    void aBadMrzCheckDigitIsNamed() {
        List<String> mrz = Specimens.usMrz();
        String line2 = mrz.get(1);
        // the birth-date check digit, position 20
        char wrong = line2.charAt(19) == '9' ? '0' : (char) (line2.charAt(19) + 1);
        String bad = line2.substring(0, 19) + wrong + line2.substring(20);
        List<Refusal> refusals = validator.validate(copy(Specimens.usPassport(), "mrz", List.of(mrz.get(0), bad)), TODAY).refusals();
        assertEquals(List.of(Refusal.of("helpdesk.mrz.check.birth-date"), Refusal.of("helpdesk.mrz.check.composite")), refusals);
    }

    static Stream<Arguments> typedDisagreesWithMrz() {
        return Stream.of(
                Arguments.of("documentNumber", "583921747"), Arguments.of("surname", "Johnson"),
                Arguments.of("givenNames", "Anne Mary"), Arguments.of("birthDate", "1990-03-08"),
                Arguments.of("sex", "M"), Arguments.of("nationality", "CAN"), Arguments.of("expiryDate", "2031-05-21"),
                Arguments.of("issuingState", "CAN"), Arguments.of("documentType", "identity-card"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedDisagreesWithMrz")
    void typedDataMustAgreeWithTheMrz(String field, String value) {
        assertEquals(List.of(Refusal.of("helpdesk.mrz.mismatch", field)),
                validator.validate(copy(Specimens.usPassport(), field, value), TODAY).refusals());
    }

    @Test
    void accentsAndHyphensAgreeWithTheMrzAlphabet() {
        ProofingInput input = copy(copy(Specimens.usPassport(), "surname", "Jóhnson-Smith"), "givenNames", "Ann  Mary");
        assertEquals(List.of(), validator.validate(input, TODAY).refusals());
    }

    private static ProofingInput with(ProofingInput in, UnaryOperator<ProofingInput> change) {
        return change.apply(in);
    }

    @SuppressWarnings("unchecked")
    static ProofingInput copy(ProofingInput i, String field, Object v) {
        return new ProofingInput(
                field.equals("documentType") ? (String) v : i.documentType(),
                field.equals("documentNumber") ? (String) v : i.documentNumber(),
                field.equals("issuingState") ? (String) v : i.issuingState(),
                field.equals("issueDate") ? (String) v : i.issueDate(),
                field.equals("expiryDate") ? (String) v : i.expiryDate(),
                field.equals("surname") ? (String) v : i.surname(),
                field.equals("givenNames") ? (String) v : i.givenNames(),
                field.equals("birthDate") ? (String) v : i.birthDate(),
                field.equals("sex") ? (String) v : i.sex(),
                field.equals("nationality") ? (String) v : i.nationality(),
                field.equals("mrz") ? (List<String>) v : i.mrz(),
                field.equals("email") ? (String) v : i.email(),
                field.equals("emailVerified") ? (Boolean) v : i.emailVerified(),
                field.equals("phone") ? (String) v : i.phone(),
                field.equals("noEuEid") ? (Boolean) v : i.noEuEid(),
                field.equals("faceComparison") ? (String) v : i.faceComparison(),
                field.equals("evidenceRef") ? (String) v : i.evidenceRef(),
                field.equals("locale") ? (String) v : i.locale());
    }
}
