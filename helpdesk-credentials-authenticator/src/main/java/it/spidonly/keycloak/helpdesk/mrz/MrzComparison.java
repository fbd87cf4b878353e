package it.spidonly.keycloak.helpdesk.mrz;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import it.spidonly.keycloak.helpdesk.eligibility.IssuingState;
import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/**
 * helpdesk.md, MRZ: "the data typed by the operator (names, dates, number) must agree with the MRZ". One refusal
 * {@code helpdesk.mrz.mismatch} per field that disagrees, naming the field. Names are compared in the MRZ alphabet
 * (accents dropped, other characters as spaces); a name the MRZ had to truncate agrees when the typed one starts
 * with it.
 */
public final class MrzComparison {
    public static final String MISMATCH = "helpdesk.mrz.mismatch";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

    private MrzComparison() {
    }

    /** What the operator typed, already parsed. */
    public record Typed(boolean passport, String documentNumber, IssuingState issuingState, String surname,
                        String givenNames, LocalDate birthDate, String sex, IssuingState nationality, LocalDate expiryDate) {
    }

    public static List<Refusal> compare(MrzReading mrz, Typed typed) {
        List<Refusal> out = new ArrayList<>();
        if (typed.passport() != mrz.isPassport()) {
            out.add(Refusal.of(MISMATCH, "documentType"));
        }
        if (!typed.documentNumber().equals(mrz.documentNumber())) {
            out.add(Refusal.of(MISMATCH, "documentNumber"));
        }
        if (!typed.issuingState().sameAs(IssuingState.of(mrz.issuingState()))) {
            out.add(Refusal.of(MISMATCH, "issuingState"));
        }
        boolean truncated = mrz.surname().length() + mrz.givenNames().length() + 2 >= nameField(mrz.format()) - 1;
        if (!namesAgree(typed.surname(), mrz.surname(), truncated && mrz.givenNames().isEmpty())) {
            out.add(Refusal.of(MISMATCH, "surname"));
        }
        if (!namesAgree(typed.givenNames(), mrz.givenNames(), truncated)) {
            out.add(Refusal.of(MISMATCH, "givenNames"));
        }
        if (!typed.birthDate().format(YYMMDD).equals(mrz.birthDate())) {
            out.add(Refusal.of(MISMATCH, "birthDate"));
        }
        if (!typed.sex().equals(mrz.sex())) {
            out.add(Refusal.of(MISMATCH, "sex"));
        }
        if (!typed.nationality().sameAs(IssuingState.of(mrz.nationality()))) {
            out.add(Refusal.of(MISMATCH, "nationality"));
        }
        if (!typed.expiryDate().format(YYMMDD).equals(mrz.expiryDate())) {
            out.add(Refusal.of(MISMATCH, "expiryDate"));
        }
        return out;
    }

    /** A name as the MRZ writes it: ICAO 9303 Part 3, 6: Latin capitals, no diacritics, other characters as spaces. */
    static String mrzAlphabet(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replace("ß", "SS").replace("Æ", "AE").replace("Ø", "OE")
                .replaceAll("[^A-Z]+", " ").trim();
    }

    private static boolean namesAgree(String typed, String mrz, boolean mayBeTruncated) {
        String t = mrzAlphabet(typed);
        return t.equals(mrz) || (mayBeTruncated && !mrz.isEmpty() && t.startsWith(mrz));
    }

    private static int nameField(MrzFormat format) {
        return format == MrzFormat.TD3 ? 39 : 30;
    }
}
