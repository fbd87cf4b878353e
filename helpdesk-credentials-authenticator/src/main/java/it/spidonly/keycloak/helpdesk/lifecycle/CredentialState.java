package it.spidonly.keycloak.helpdesk.lifecycle;

/**
 * Where a proofing record stands. {@code PENDING}: recorded, waiting for a second operator (the user exists,
 * disabled, with no credential); {@code ISSUED}: approved, the activation code sent, the user enabled;
 * {@code REVOKED}: final, the user disabled and signed out. Expiry is computed from {@code helpdesk.credentialExpiresAt}.
 */
public enum CredentialState {
    PENDING, ISSUED, REVOKED
}
