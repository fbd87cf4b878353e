package it.spidonly.keycloak.helpdesk.eligibility;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A state code as read from a document or typed by an operator (ICAO alpha-3 as in the MRZ, {@code D<<},
 * ISO alpha-2, or eIDAS's {@code EL} for Greece), normalised to ISO alpha-2 where it names a state.
 *
 * @param code  the code as given, upper case, without MRZ fillers
 * @param alpha2 ISO 3166-1 alpha-2 when {@code kind} is {@link StateKind#STATE}, else empty
 */
public record IssuingState(String code, String alpha2, StateKind kind) {
    /** ICAO 9303 Part 3, 5: codes for states that are not their ISO alpha-3. */
    private static final Map<String, String> ICAO_STATE_VARIANTS = Map.of(
            "D", "DE", "GBD", "GB", "GBN", "GB", "GBO", "GB", "GBP", "GB", "GBS", "GB",
            "UNK", "XK", "RKS", "XK", "EL", "GR");
    private static final Set<String> NO_STATE = Set.of("XXA", "XXB", "XXC", "XXX");
    private static final Set<String> ORGANISATIONS = Set.of("UNO", "UNA", "XBA", "XIM", "XCC", "XCE", "XCO", "XEC",
            "XPO", "XES", "XMP", "XOM", "XDC");

    public static IssuingState of(String raw) {
        String code = raw == null ? "" : raw.replace("<", "").strip().toUpperCase(Locale.ROOT);
        if (ICAO_STATE_VARIANTS.containsKey(code)) {
            return new IssuingState(code, ICAO_STATE_VARIANTS.get(code), StateKind.STATE);
        }
        if ("EUE".equals(code)) {
            return new IssuingState(code, "", StateKind.EU_INSTITUTION);
        }
        if ("UTO".equals(code)) {
            return new IssuingState(code, "", StateKind.SPECIMEN);
        }
        if (NO_STATE.contains(code)) {
            return new IssuingState(code, "", StateKind.NO_STATE);
        }
        if (ORGANISATIONS.contains(code)) {
            return new IssuingState(code, "", StateKind.ORGANISATION);
        }
        if (code.length() == 3) {
            return CountryCodes.alpha2OfAlpha3(code).map(a2 -> new IssuingState(code, a2, StateKind.STATE))
                    .orElse(new IssuingState(code, "", StateKind.UNKNOWN));
        }
        if (code.length() == 2 && CountryCodes.isAlpha2(code)) {
            return new IssuingState(code, code, StateKind.STATE);
        }
        return new IssuingState(code, "", StateKind.UNKNOWN);
    }

    /** Two codes for the same state ({@code D} and {@code DE}, {@code GBR} and {@code GB}), or the same code. */
    public boolean sameAs(IssuingState other) {
        return kind == StateKind.STATE && other.kind == StateKind.STATE ? alpha2.equals(other.alpha2) : code.equals(other.code);
    }
}
