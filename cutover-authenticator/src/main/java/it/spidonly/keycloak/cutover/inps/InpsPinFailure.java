package it.spidonly.keycloak.cutover.inps;

import jakarta.ws.rs.core.Response;

import org.keycloak.events.Errors;
import org.keycloak.services.messages.Messages;

/**
 * Why an INPS PIN login did not happen, and how each side says it: the form field (or none), the message key
 * (it, en), the event error, the HTTP status of the page, and the OAuth error of the password grant.
 */
public enum InpsPinFailure {
    FISCAL_CODE_MISSING("fiscalCode", "inpsPinFiscalCodeMissing", Errors.INVALID_REQUEST, Response.Status.BAD_REQUEST, "invalid_request"),
    FISCAL_CODE_INVALID("fiscalCode", "inpsPinFiscalCodeInvalid", "invalid_fiscal_code", Response.Status.BAD_REQUEST, "invalid_request"),
    PIN_MISSING("pin", "inpsPinMissing", Errors.INVALID_REQUEST, Response.Status.BAD_REQUEST, "invalid_request"),
    PIN_FORMAT("pin", "inpsPinFormat", "invalid_pin_format", Response.Status.BAD_REQUEST, "invalid_request"),
    REFUSED(null, "inpsPinRefused", Errors.INVALID_USER_CREDENTIALS, Response.Status.UNAUTHORIZED, "invalid_grant"),
    BLOCKED(null, "inpsPinBlocked", "inps_pin_blocked", Response.Status.FORBIDDEN, "invalid_grant"),
    UNAVAILABLE(null, "inpsPinUnavailable", "inps_unavailable", Response.Status.SERVICE_UNAVAILABLE, "temporarily_unavailable"),
    NO_ACCOUNT(null, "inpsPinNoAccount", Errors.USER_NOT_FOUND, Response.Status.FORBIDDEN, "invalid_grant"),
    AMBIGUOUS_ACCOUNT(null, "inpsPinAmbiguousAccount", "ambiguous_fiscal_number", Response.Status.CONFLICT, "invalid_grant"),
    ACCOUNT_DISABLED(null, Messages.ACCOUNT_DISABLED, Errors.USER_DISABLED, Response.Status.FORBIDDEN, "invalid_grant");

    private final String field;
    private final String messageKey;
    private final String eventError;
    private final Response.Status pageStatus;
    private final String oauthError;

    InpsPinFailure(String field, String messageKey, String eventError, Response.Status pageStatus, String oauthError) {
        this.field = field;
        this.messageKey = messageKey;
        this.eventError = eventError;
        this.pageStatus = pageStatus;
        this.oauthError = oauthError;
    }

    /** The form field the message belongs to, or null for a message about the whole form. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public String eventError() {
        return eventError;
    }

    public Response.Status pageStatus() {
        return pageStatus;
    }

    public String oauthError() {
        return oauthError;
    }

    /** The password grant answers 503 when INPS cannot be asked, 400 otherwise (RFC 6749, 5.2). */
    public int tokenStatus() {
        return this == UNAVAILABLE ? 503 : 400;
    }
}
