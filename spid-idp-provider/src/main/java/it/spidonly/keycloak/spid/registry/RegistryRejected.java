package it.spidonly.keycloak.spid.registry;

/** The registry aggregate cannot be trusted or read; {@link #reason()} is a message key ({@code spidRegistry...}). */
public final class RegistryRejected extends RuntimeException {
    private final String reason;

    public RegistryRejected(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
