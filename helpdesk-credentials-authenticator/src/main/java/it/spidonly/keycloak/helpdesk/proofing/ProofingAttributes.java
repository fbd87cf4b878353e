package it.spidonly.keycloak.helpdesk.proofing;

/**
 * The proofing record, as attributes of the help-desk user (Keycloak's database; not in the user profile, so
 * neither the user nor the account console sees or changes them). Written once when recorded, then only the
 * decision fields are added; nothing is rewritten.
 */
public final class ProofingAttributes {
    public static final String PREFIX = "helpdesk.";
    public static final String STATE = "helpdesk.state";
    /** SHA-256 of {@code ALPHA2:NUMBER} ({@link DocumentKey}): the duplicate check searches it. */
    public static final String DOCUMENT_KEY = "helpdesk.documentKey";
    public static final String DOCUMENT_TYPE = "helpdesk.documentType";
    public static final String DOCUMENT_NUMBER = "helpdesk.documentNumber";
    public static final String ISSUING_STATE = "helpdesk.issuingState";
    public static final String ISSUING_STATE_AS_READ = "helpdesk.issuingStateAsRead";
    public static final String ISSUE_DATE = "helpdesk.issueDate";
    public static final String DOCUMENT_EXPIRY = "helpdesk.documentExpiry";
    public static final String SURNAME = "helpdesk.surname";
    public static final String GIVEN_NAMES = "helpdesk.givenNames";
    public static final String BIRTH_DATE = "helpdesk.birthDate";
    public static final String SEX = "helpdesk.sex";
    public static final String NATIONALITY = "helpdesk.nationality";
    public static final String MRZ_LINES = "helpdesk.mrzLines";
    public static final String MRZ_CHECKS = "helpdesk.mrzChecks";
    public static final String FACE_COMPARISON = "helpdesk.faceComparison";
    public static final String PHONE = "helpdesk.phone";
    public static final String NO_EU_EID = "helpdesk.noEuEidStatement";
    public static final String EVIDENCE_REF = "helpdesk.evidenceRef";
    public static final String RECORDED_BY = "helpdesk.recordedBy";
    public static final String RECORDED_BY_USERNAME = "helpdesk.recordedByUsername";
    public static final String RECORDED_AT = "helpdesk.recordedAt";
    public static final String APPROVED_BY = "helpdesk.approvedBy";
    public static final String APPROVED_BY_USERNAME = "helpdesk.approvedByUsername";
    public static final String APPROVED_AT = "helpdesk.approvedAt";
    public static final String CREDENTIAL_EXPIRES_AT = "helpdesk.credentialExpiresAt";
    /** The expiry's date (Europe/Rome), searchable: the expiry sweep finds the day's expired credentials by it. */
    public static final String CREDENTIAL_EXPIRES_ON = "helpdesk.credentialExpiresOn";
    /** When the expiry sweep signed the user out. */
    public static final String EXPIRED_SIGN_OUT_AT = "helpdesk.expiredSignOutAt";
    public static final String ACTIVATION_SENT_AT = "helpdesk.activationSentAt";
    public static final String REVOKED_BY = "helpdesk.revokedBy";
    public static final String REVOKED_BY_USERNAME = "helpdesk.revokedByUsername";
    public static final String REVOKED_AT = "helpdesk.revokedAt";
    public static final String REVOCATION_REASON = "helpdesk.revocationReason";
    public static final String REVOCATION_EVIDENCE_REF = "helpdesk.revocationEvidenceRef";

    private ProofingAttributes() {
    }
}
