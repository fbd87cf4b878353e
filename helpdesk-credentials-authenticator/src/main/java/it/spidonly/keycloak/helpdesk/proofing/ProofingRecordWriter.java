package it.spidonly.keycloak.helpdesk.proofing;

import java.time.Instant;

import org.keycloak.models.UserModel;

import it.spidonly.keycloak.helpdesk.lifecycle.CredentialState;

import static it.spidonly.keycloak.helpdesk.proofing.ProofingAttributes.*;

/** Writes a proofing record onto its user (helpdesk.md, The proofing record). */
final class ProofingRecordWriter {
    private ProofingRecordWriter() {
    }

    static void write(UserModel user, ValidProofing p, UserModel operator, Instant now) {
        user.setSingleAttribute(STATE, CredentialState.PENDING.name());
        user.setSingleAttribute(DOCUMENT_KEY, p.documentKey());
        user.setSingleAttribute(DOCUMENT_TYPE, p.documentType().id());
        user.setSingleAttribute(DOCUMENT_NUMBER, p.documentNumber());
        user.setSingleAttribute(ISSUING_STATE, p.issuingState().alpha2());
        user.setSingleAttribute(ISSUING_STATE_AS_READ, p.issuingState().code());
        p.issueDate().ifPresent(d -> user.setSingleAttribute(ISSUE_DATE, d.toString()));
        user.setSingleAttribute(DOCUMENT_EXPIRY, p.expiryDate().toString());
        user.setSingleAttribute(SURNAME, p.surname());
        user.setSingleAttribute(GIVEN_NAMES, p.givenNames());
        user.setSingleAttribute(BIRTH_DATE, p.birthDate().toString());
        user.setSingleAttribute(SEX, p.sex());
        user.setSingleAttribute(NATIONALITY, p.nationality().alpha2().isEmpty() ? p.nationality().code() : p.nationality().alpha2());
        if (!p.mrzLines().isEmpty()) {
            user.setAttribute(MRZ_LINES, p.mrzLines());
            p.mrz().ifPresent(r -> user.setSingleAttribute(MRZ_CHECKS, r.checkSummary()));
        }
        user.setSingleAttribute(FACE_COMPARISON, p.faceComparison());
        if (!p.phone().isEmpty()) {
            user.setSingleAttribute(PHONE, p.phone());
        }
        user.setSingleAttribute(NO_EU_EID, "true");
        if (!p.evidenceRef().isEmpty()) {
            user.setSingleAttribute(EVIDENCE_REF, p.evidenceRef());
        }
        user.setSingleAttribute(RECORDED_BY, operator.getId());
        user.setSingleAttribute(RECORDED_BY_USERNAME, operator.getUsername());
        user.setSingleAttribute(RECORDED_AT, now.toString());
    }
}
