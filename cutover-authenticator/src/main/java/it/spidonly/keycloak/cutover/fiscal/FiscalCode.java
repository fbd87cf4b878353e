package it.spidonly.keycloak.cutover.fiscal;

import java.util.Locale;
import java.util.Optional;

import it.spidonly.keycloak.spid.attributes.CodiceFiscale;
import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;

/**
 * An Italian person's fiscal code (codice fiscale, D.M. 23 dicembre 1976): 16 characters, digit positions possibly
 * replaced by the letters L-V (omocodia), the last one a check character. Read the way people type it: spaces and
 * case do not matter, and SPID's {@code TINIT-} prefix is dropped. The checks themselves are
 * {@link CodiceFiscale}'s (spid-idp-provider), shared with the SPID rules.
 */
public final class FiscalCode {
    /** Outcome of reading what a person typed. */
    public enum Check {
        VALID, MISSING, FORMAT, CHECK_CHARACTER
    }

    private static final String TINIT = "TINIT-";

    private FiscalCode() {
    }

    /** Upper case, without spaces and without {@code TINIT-}; empty for nothing typed. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (code.startsWith(TINIT)) {
            code = code.substring(TINIT.length());
        }
        return code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    public static Check check(String typed) {
        Optional<String> code = normalise(typed);
        if (code.isEmpty()) {
            return Check.MISSING;
        }
        if (!CodiceFiscale.isPersonShaped(code.get())) {
            return Check.FORMAT;
        }
        return CodiceFiscale.isValidPerson(code.get()) ? Check.VALID : Check.CHECK_CHARACTER;
    }

    /**
     * What may go into an event or a log line above debug: a typed value shaped like a fiscal code (whatever its
     * check character) is masked ({@code VRD***1U}); anything else, e.g. a legacy user ID, is kept.
     */
    public static String forLogs(String typed) {
        Optional<String> code = normalise(typed);
        if (code.isPresent() && CodiceFiscale.isPersonShaped(code.get())) {
            return SpidAttributeValues.mask(code.get());
        }
        return typed == null ? null : typed.trim();
    }
}
