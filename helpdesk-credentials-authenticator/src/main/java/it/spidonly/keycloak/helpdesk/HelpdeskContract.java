package it.spidonly.keycloak.helpdesk;

/** What other modules, themes and apps may rely on (see the module README). */
public final class HelpdeskContract {
    /** User-session note set by the help-desk login form; read by the acr mapper. */
    public static final String SESSION_NOTE = "helpdesk.login";
    /** Credential types: the one-time activation code and the help-desk password. */
    public static final String CREDENTIAL_ACTIVATION = "helpdesk-activation";
    public static final String CREDENTIAL_PASSWORD = "helpdesk-password";
    /** Messages of the refusal pages (it, en), shown by the help-desk login form. */
    public static final String MSG_EXPIRED = "helpdeskCredentialExpired";
    public static final String MSG_REVOKED = "helpdeskCredentialRevoked";

    private HelpdeskContract() {
    }
}
