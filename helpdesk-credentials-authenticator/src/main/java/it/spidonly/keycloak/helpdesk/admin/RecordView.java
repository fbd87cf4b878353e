package it.spidonly.keycloak.helpdesk.admin;

import static it.spidonly.keycloak.helpdesk.proofing.ProofingAttributes.*;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.keycloak.models.UserModel;

import it.spidonly.keycloak.helpdesk.activation.ActivationCredentials;
import it.spidonly.keycloak.helpdesk.activation.HelpdeskPasswords;
import it.spidonly.keycloak.helpdesk.lifecycle.CredentialExpiry;
import it.spidonly.keycloak.helpdesk.proofing.HelpdeskUsers;

/** A proofing record and where its credential stands, as operators see it (see openapi.yaml, Record). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RecordView {
    public String id;
    public String username;
    public String state;
    public Boolean expired;
    public Boolean activated;
    public Boolean activationPending;
    public String email;
    public String phone;
    public String documentType;
    public String documentNumber;
    public String issuingState;
    public String issuingStateAsRead;
    public String issueDate;
    public String documentExpiry;
    public String surname;
    public String givenNames;
    public String birthDate;
    public String sex;
    public String nationality;
    public List<String> mrzLines;
    public String mrzChecks;
    public String faceComparison;
    public Boolean noEuEidStatement;
    public String evidenceRef;
    public String recordedBy;
    public String recordedAt;
    public String approvedBy;
    public String approvedAt;
    public String credentialExpiresAt;
    public String revokedBy;
    public String revokedAt;
    public String revocationReason;

    static RecordView of(UserModel u, Instant now) {
        RecordView v = new RecordView();
        v.id = u.getId();
        v.username = u.getUsername();
        v.state = u.getFirstAttribute(STATE);
        v.expired = HelpdeskUsers.credentialExpiresAt(u).map(e -> CredentialExpiry.isExpired(e, now)).orElse(null);
        v.activated = HelpdeskPasswords.exists(u);
        v.activationPending = ActivationCredentials.exists(u);
        v.email = u.getEmail();
        v.phone = u.getFirstAttribute(PHONE);
        v.documentType = u.getFirstAttribute(DOCUMENT_TYPE);
        v.documentNumber = u.getFirstAttribute(DOCUMENT_NUMBER);
        v.issuingState = u.getFirstAttribute(ISSUING_STATE);
        v.issuingStateAsRead = u.getFirstAttribute(ISSUING_STATE_AS_READ);
        v.issueDate = u.getFirstAttribute(ISSUE_DATE);
        v.documentExpiry = u.getFirstAttribute(DOCUMENT_EXPIRY);
        v.surname = u.getFirstAttribute(SURNAME);
        v.givenNames = u.getFirstAttribute(GIVEN_NAMES);
        v.birthDate = u.getFirstAttribute(BIRTH_DATE);
        v.sex = u.getFirstAttribute(SEX);
        v.nationality = u.getFirstAttribute(NATIONALITY);
        List<String> mrz = u.getAttributeStream(MRZ_LINES).toList();
        v.mrzLines = mrz.isEmpty() ? null : mrz;
        v.mrzChecks = u.getFirstAttribute(MRZ_CHECKS);
        v.faceComparison = u.getFirstAttribute(FACE_COMPARISON);
        v.noEuEidStatement = "true".equals(u.getFirstAttribute(NO_EU_EID));
        v.evidenceRef = u.getFirstAttribute(EVIDENCE_REF);
        v.recordedBy = u.getFirstAttribute(RECORDED_BY_USERNAME);
        v.recordedAt = u.getFirstAttribute(RECORDED_AT);
        v.approvedBy = u.getFirstAttribute(APPROVED_BY_USERNAME);
        v.approvedAt = u.getFirstAttribute(APPROVED_AT);
        v.credentialExpiresAt = u.getFirstAttribute(CREDENTIAL_EXPIRES_AT);
        v.revokedBy = u.getFirstAttribute(REVOKED_BY_USERNAME);
        v.revokedAt = u.getFirstAttribute(REVOKED_AT);
        v.revocationReason = u.getFirstAttribute(REVOCATION_REASON);
        return v;
    }
}
