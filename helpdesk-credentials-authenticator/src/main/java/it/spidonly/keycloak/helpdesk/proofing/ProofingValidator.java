package it.spidonly.keycloak.helpdesk.proofing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import it.spidonly.keycloak.helpdesk.eligibility.IssuerEligibility;
import it.spidonly.keycloak.helpdesk.eligibility.IssuingState;
import it.spidonly.keycloak.helpdesk.eligibility.StateKind;
import it.spidonly.keycloak.helpdesk.mrz.MrzCheck;
import it.spidonly.keycloak.helpdesk.mrz.MrzComparison;
import it.spidonly.keycloak.helpdesk.mrz.MrzOutcome;
import it.spidonly.keycloak.helpdesk.mrz.MrzParser;
import it.spidonly.keycloak.helpdesk.mrz.MrzReading;

/**
 * Checks a recorded proofing before anything is stored, in two rounds: the input (every missing or malformed field,
 * {@code helpdesk.input.*}, answered 400), then eligibility and the MRZ (helpdesk.md; {@code helpdesk.eligibility.*}
 * and {@code helpdesk.mrz.*}, answered 422). Each refusal names exactly what failed.
 */
public final class ProofingValidator {
    public static final String MISSING = "helpdesk.input.missing";
    public static final String INVALID = "helpdesk.input.invalid";
    public static final String DOCUMENT_EXPIRED = "helpdesk.eligibility.document-expired";
    public static final String NO_EU_EID_STATEMENT = "helpdesk.eligibility.eu-eid-statement";
    public static final String EMAIL_NOT_VALIDATED = "helpdesk.eligibility.email-not-validated";

    private final IssuerEligibility issuers;

    public ProofingValidator(IssuerEligibility issuers) {
        this.issuers = issuers;
    }

    /** The valid proofing, or every refusal of the first round that found any. */
    public ProofingOutcome validate(ProofingInput in, LocalDate today) {
        List<Refusal> input = new ArrayList<>();
        Optional<DocumentType> type = DocumentType.of(required(input, "documentType", in.documentType()));
        if (in.documentType() != null && !in.documentType().isBlank() && type.isEmpty()) {
            input.add(Refusal.of(INVALID, "documentType"));
        }
        String number = DocumentKey.normaliseNumber(required(input, "documentNumber", in.documentNumber()));
        if (in.documentNumber() != null && !in.documentNumber().isBlank() && (number.isEmpty() || number.length() > 20)) {
            input.add(Refusal.of(INVALID, "documentNumber"));
        }
        IssuingState issuer = IssuingState.of(required(input, "issuingState", in.issuingState()));
        IssuingState nationality = IssuingState.of(required(input, "nationality", in.nationality()));
        if (in.nationality() != null && !in.nationality().isBlank() && nationality.kind() == StateKind.UNKNOWN) {
            input.add(Refusal.of(INVALID, "nationality"));
        }
        Optional<LocalDate> issueDate = optionalDate(input, "issueDate", in.issueDate());
        LocalDate expiry = date(input, "expiryDate", in.expiryDate());
        LocalDate birth = date(input, "birthDate", in.birthDate());
        if (birth != null && birth.isAfter(today)) {
            input.add(Refusal.of(INVALID, "birthDate"));
        }
        if (issueDate.isPresent() && issueDate.get().isAfter(today)) {
            input.add(Refusal.of(INVALID, "issueDate"));
        }
        String surname = text(input, "surname", in.surname(), true);
        String given = text(input, "givenNames", in.givenNames(), false);
        String sex = required(input, "sex", in.sex()).toUpperCase(Locale.ROOT);
        if (!sex.isEmpty() && !sex.matches("[MFX]")) {
            input.add(Refusal.of(INVALID, "sex"));
        }
        String email = required(input, "email", in.email()).strip();
        if (!email.isEmpty() && (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254)) {
            input.add(Refusal.of(INVALID, "email"));
        }
        String phone = in.phone() == null ? "" : in.phone().replaceAll("[\\s-]", "");
        if (!phone.isEmpty() && !phone.matches("\\+[0-9]{6,15}")) {
            input.add(Refusal.of(INVALID, "phone"));
        }
        String face = required(input, "faceComparison", in.faceComparison());
        if (!face.isEmpty() && !face.matches("in-person|supervised-video")) {
            input.add(Refusal.of(INVALID, "faceComparison"));
        }
        String evidence = in.evidenceRef() == null ? "" : in.evidenceRef().strip();
        if (evidence.length() > 200) {
            input.add(Refusal.of(INVALID, "evidenceRef"));
        }
        String locale = in.locale() == null || in.locale().isBlank() ? "it" : in.locale().strip();
        if (!locale.matches("it|en")) {
            input.add(Refusal.of(INVALID, "locale"));
        }
        if (!input.isEmpty()) {
            return ProofingOutcome.refused(input);
        }

        List<Refusal> eligibility = new ArrayList<>();
        issuers.check(issuer).ifPresent(eligibility::add);
        if (expiry.isBefore(today)) {
            eligibility.add(Refusal.of(DOCUMENT_EXPIRED, expiry.toString()));
        }
        if (!Boolean.TRUE.equals(in.noEuEid())) {
            eligibility.add(Refusal.of(NO_EU_EID_STATEMENT));
        }
        if (!Boolean.TRUE.equals(in.emailVerified())) {
            eligibility.add(Refusal.of(EMAIL_NOT_VALIDATED));
        }
        Optional<MrzReading> mrz = Optional.empty();
        if (!in.mrz().isEmpty()) {
            MrzOutcome read = MrzParser.parse(in.mrz());
            read.refusal().ifPresent(eligibility::add);
            mrz = read.reading();
            mrz.ifPresent(r -> {
                for (MrzCheck failed : r.failedChecks()) {
                    eligibility.add(Refusal.of(failed.ruleId()));
                }
                eligibility.addAll(MrzComparison.compare(r, new MrzComparison.Typed(type.get() == DocumentType.PASSPORT,
                        number, issuer, surname, given, birth, sex, nationality, expiry)));
            });
        }
        if (!eligibility.isEmpty()) {
            return ProofingOutcome.refused(eligibility);
        }
        List<String> lines = in.mrz().stream().map(l -> l.strip().toUpperCase(Locale.ROOT)).filter(l -> !l.isEmpty()).toList();
        return ProofingOutcome.valid(new ValidProofing(type.get(), number, issuer, issueDate, expiry, surname, given, birth,
                sex, nationality, lines, mrz, email, phone, face, evidence, locale));
    }

    private static String required(List<Refusal> out, String field, String value) {
        if (value == null || value.isBlank()) {
            out.add(Refusal.of(MISSING, field));
            return "";
        }
        return value.strip();
    }

    private static String text(List<Refusal> out, String field, String value, boolean required) {
        String v = required ? required(out, field, value) : (value == null ? "" : value.strip());
        if (v.length() > 100 || v.chars().anyMatch(Character::isISOControl)) {
            out.add(Refusal.of(INVALID, field));
        }
        return v;
    }

    private static LocalDate date(List<Refusal> out, String field, String value) {
        String v = required(out, field, value);
        return v.isEmpty() ? null : optionalDate(out, field, v).orElse(null);
    }

    private static Optional<LocalDate> optionalDate(List<Refusal> out, String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            out.add(Refusal.of(INVALID, field));
            return Optional.empty();
        }
    }
}
