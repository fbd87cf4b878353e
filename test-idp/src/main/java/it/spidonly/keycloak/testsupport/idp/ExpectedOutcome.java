package it.spidonly.keycloak.testsupport.idp;

import java.util.Objects;

/**
 * What an SP must do with a catalogue response: accept it (the browser goes back to the app with a code), refuse
 * it (HTTP 400, no session, no code, a login error event naming the rule) or show the IdP's SPID error (HTTP 403,
 * a page with the message of the SPID error code).
 *
 * @param kind       accepted, refused or IdP error
 * @param key        the rule id (refused) or the message key of the SPID error (IdP error); null when accepted
 * @param httpStatus what the SP answers the POST to its ACS with
 */
public record ExpectedOutcome(Kind kind, String key, int httpStatus) {

    /** The three outcomes. */
    public enum Kind { ACCEPTED, REFUSED, IDP_ERROR }

    public ExpectedOutcome {
        Objects.requireNonNull(kind, "kind");
    }

    public static ExpectedOutcome accepted() {
        return new ExpectedOutcome(Kind.ACCEPTED, null, 302);
    }

    public static ExpectedOutcome refused(String ruleId) {
        return new ExpectedOutcome(Kind.REFUSED, Objects.requireNonNull(ruleId), 400);
    }

    /** A SPID error page, e.g. {@code idpError("spidErrorNr19")}. */
    public static ExpectedOutcome idpError(String messageKey) {
        return new ExpectedOutcome(Kind.IDP_ERROR, Objects.requireNonNull(messageKey), 403);
    }

    @Override
    public String toString() {
        return kind == Kind.ACCEPTED ? "accepted" : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + key + " (" + httpStatus + ")";
    }
}
