package it.spidonly.keycloak.helpdesk.proofing;

import java.util.List;

/**
 * What an operator typed when recording a proofing, as received (strings, unchecked). See {@link ProofingValidator}.
 *
 * @param documentType     {@code passport} or {@code identity-card}
 * @param issuingState     as read: ICAO alpha-3 ({@code USA}, {@code D}), or ISO alpha-2
 * @param mrz              the MRZ lines, or empty when the document has none or it was not typed
 * @param emailVerified    the operator validated the address (e.g. a code sent to it was read back)
 * @param noEuEid          the user's statement that they hold no EU/EEA eID
 * @param faceComparison   {@code in-person} or {@code supervised-video}
 * @param evidenceRef      a reference (e.g. hash) of evidence kept outside Keycloak; optional
 * @param locale           the user's language for the e-mail: {@code it} or {@code en}
 */
public record ProofingInput(String documentType, String documentNumber, String issuingState, String issueDate,
                            String expiryDate, String surname, String givenNames, String birthDate, String sex,
                            String nationality, List<String> mrz, String email, Boolean emailVerified, String phone,
                            Boolean noEuEid, String faceComparison, String evidenceRef, String locale) {
    public ProofingInput {
        mrz = mrz == null ? List.of() : mrz.stream().map(l -> l == null ? "" : l).toList();
    }
}
