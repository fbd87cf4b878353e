package it.spidonly.keycloak.helpdesk.proofing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import it.spidonly.keycloak.helpdesk.eligibility.IssuingState;
import it.spidonly.keycloak.helpdesk.mrz.MrzReading;

/** A proofing that passed every check: normalised values, ready to be stored. */
public record ValidProofing(DocumentType documentType, String documentNumber, IssuingState issuingState,
                            Optional<LocalDate> issueDate, LocalDate expiryDate, String surname, String givenNames,
                            LocalDate birthDate, String sex, IssuingState nationality, List<String> mrzLines,
                            Optional<MrzReading> mrz, String email, String phone, String faceComparison,
                            String evidenceRef, String locale) {
    /** The one key per document (helpdesk.md: one person, one credential): {@code ALPHA2:NUMBER}. */
    public String documentKey() {
        return DocumentKey.of(issuingState, documentNumber);
    }
}
