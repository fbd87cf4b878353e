package it.spidonly.keycloak.helpdesk.login;

import org.keycloak.models.UserModel;

import it.spidonly.keycloak.helpdesk.HelpdeskContract;
import it.spidonly.keycloak.helpdesk.proofing.HelpdeskUsers;

/**
 * Which login an account of the realm gets on the help-desk form: the help desk's (help-desk password or activation
 * code, then always OTP) or an ordinary account's (Keycloak's {@code password}, which the SPID-only cutover decides).
 * Decided only by state the help desk wrote on the server (the proofing record's {@code helpdesk.state} attribute,
 * or a help-desk credential), never by the username's shape: a user may choose a username that looks like
 * {@code hd-…}. Any trace of the help desk makes a help-desk user (fail closed: OTP, never the legacy password).
 */
public enum AccountKind {
    HELPDESK, ORDINARY;

    public static AccountKind of(UserModel user) {
        return HelpdeskUsers.isHelpdeskUser(user) || hasHelpdeskCredential(user) ? HELPDESK : ORDINARY;
    }

    private static boolean hasHelpdeskCredential(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(HelpdeskContract.CREDENTIAL_PASSWORD).findAny().isPresent()
                || user.credentialManager().getStoredCredentialsByTypeStream(HelpdeskContract.CREDENTIAL_ACTIVATION).findAny().isPresent();
    }
}
