package it.spidonly.keycloak.spid.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SPID anomaly an IdP reports with a non-Success status and {@code StatusMessage} "ErrorCode nrNN" (SPID Regole
 * tecniche, tabella dei messaggi di anomalia): the ones a user can act on get their own page text, message key
 * {@code spidErrorNr19} ... {@code spidErrorNr30}; any other status gets {@code spidErrorOther}.
 */
public enum SpidErrorCode {
    /** Repeated wrong credentials. */
    NR19(19),
    /** No credentials of the requested level. */
    NR20(20),
    /** Timeout. */
    NR21(21),
    /** Consent to send the data denied. */
    NR22(22),
    /** Identity suspended or revoked, or credentials blocked. */
    NR23(23),
    /** The user cancelled. */
    NR25(25),
    /** Wrong type of digital identity (e.g. professional instead of personal). */
    NR30(30),
    /** CIE: code 1, "authentication correct", on a Response that is not a Success (nothing to log in with). */
    CIE_NR1(1, true),
    /** CIE: timeout. */
    CIE_NR21(21, true),
    /** CIE: the user refused consent to send the data. */
    CIE_NR22(22, true),
    /** CIE: the card is expired or revoked. */
    CIE_NR23(23, true),
    /** CIE: the user cancelled. */
    CIE_NR25(25, true),
    /** A non-Success status without one of the codes above. */
    OTHER(0);

    private static final Pattern CODE = Pattern.compile("ErrorCode\\s*nr\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

    private final int number;

    private final boolean cie;

    SpidErrorCode(int number) {
        this(number, false);
    }

    SpidErrorCode(int number, boolean cie) {
        this.number = number;
        this.cie = cie;
    }

    public String messageKey() {
        return this == OTHER ? "spidErrorOther" : (cie ? "cieErrorNr" : "spidErrorNr") + number;
    }

    /**
     * The text an app receives as OIDC {@code error_description} when the user goes back to it; {@code cieIdp}: the
     * login was with a CIE IdP (a code without a page of its own then says CIE, not SPID).
     */
    public String description(boolean cieIdp) {
        if (this == OTHER) {
            return cieIdp ? "CIE authentication failed" : "SPID authentication failed";
        }
        return (cie ? "CIE ErrorCode nr" : "SPID ErrorCode nr") + number;
    }

    /** Whether this is a code of CIE's table (its page says "CIE"). */
    public boolean isCie() {
        return cie;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SpidErrorCode of(SpidResponse response) {
        return of(response, false);
    }

    /**
     * The CIE anomaly of a non-Success Response (CIE SAML rules, "Codici di errore": 1 and the user anomalies 21,
     * 22, 23, 25 have a page text of their own; every other code, e.g. the requester errors 8-18, is {@link #OTHER}).
     */
    public static SpidErrorCode ofCie(SpidResponse response) {
        return of(response, true);
    }

    private static SpidErrorCode of(SpidResponse response, boolean cieTable) {
        String message = response.status().map(SpidResponse.Status::message).orElse(null);
        if (message == null) {
            return OTHER;
        }
        Matcher m = CODE.matcher(message);
        if (!m.find()) {
            return OTHER;
        }
        int number = Integer.parseInt(m.group(1));
        return Arrays.stream(values()).filter(c -> c.number == number && c.cie == cieTable && c != OTHER).findFirst().orElse(OTHER);
    }

    /** From {@link #messageKey()}; OTHER for anything unknown. */
    public static SpidErrorCode ofMessageKey(String key) {
        return Arrays.stream(values()).filter(c -> c.messageKey().equals(key)).findFirst().orElse(OTHER);
    }
}
