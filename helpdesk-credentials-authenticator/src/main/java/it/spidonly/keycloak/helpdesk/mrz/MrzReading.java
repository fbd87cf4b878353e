package it.spidonly.keycloak.helpdesk.mrz;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an MRZ says, as printed (ICAO codes, {@code YYMMDD} dates, {@code <} turned into spaces in names), with the
 * result of every check digit. Immutable.
 */
public record MrzReading(MrzFormat format, String documentCode, String issuingState, String surname, String givenNames,
                         String documentNumber, String nationality, String birthDate, String sex, String expiryDate,
                         Map<MrzCheck, Boolean> checks) {
    public MrzReading {
        checks = Collections.unmodifiableMap(new EnumMap<>(checks));
    }

    /** The checks that failed, in the order of {@link MrzCheck}. */
    public List<MrzCheck> failedChecks() {
        return checks.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).collect(Collectors.toList());
    }

    /** {@code document-number=ok,birth-date=ok,...}: kept in the proofing record. */
    public String checkSummary() {
        return checks.entrySet().stream().map(e -> e.getKey().id() + "=" + (e.getValue() ? "ok" : "failed"))
                .collect(Collectors.joining(","));
    }

    /** Passport booklets (TD3, document code {@code P...}) or identity cards (TD1, {@code I}, {@code A}, {@code C}). */
    public boolean isPassport() {
        return format == MrzFormat.TD3 && documentCode.startsWith("P");
    }
}
