package it.spidonly.keycloak.cutover;

import java.util.function.BooleanSupplier;

import org.keycloak.models.KeycloakSession;

/**
 * The one exemption from the cutover's password backstop: a check of Keycloak's {@code password} credential that
 * server code of the bundle runs through {@link #check} is not refused after the instant. Used only by the help
 * desk's operator form ({@code helpdesk-operator-password-form}), for users holding the help-desk operator role and
 * an OTP authenticator (docs/helpdesk.md, "Operators after the cutover"). The mark is an attribute of the current
 * {@link KeycloakSession} (one request, server side): nothing a client sends can set it.
 */
public final class CutoverExemption {
    private static final String ATTRIBUTE = "spidOnly.cutover.exemptPasswordCheck";

    private CutoverExemption() {
    }

    /** Runs {@code passwordCheck} with the cutover's password refusal lifted for this request only. */
    public static boolean check(KeycloakSession session, BooleanSupplier passwordCheck) {
        session.setAttribute(ATTRIBUTE, Boolean.TRUE);
        try {
            return passwordCheck.getAsBoolean();
        } finally {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /** True while {@link #check} runs. */
    public static boolean granted(KeycloakSession session) {
        return Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE));
    }
}
