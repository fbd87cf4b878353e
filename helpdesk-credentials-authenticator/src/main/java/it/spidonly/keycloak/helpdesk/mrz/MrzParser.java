package it.spidonly.keycloak.helpdesk.mrz;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/**
 * Reads TD3 (ICAO 9303 Part 4, 4.2.2: two lines of 44) and TD1 (Part 5, 4.2.2: three lines of 30) MRZs and checks
 * every check digit. The layout is told by the number and length of the lines; a wrong shape or character is a
 * {@code helpdesk.mrz.format.lines|length|characters} refusal.
 */
public final class MrzParser {
    public static final String FORMAT = "helpdesk.mrz.format";

    private MrzParser() {
    }

    /** The reading, or the refusal naming what is wrong with the shape of the lines. */
    public static MrzOutcome parse(List<String> rawLines) {
        List<String> lines = rawLines.stream().map(l -> l == null ? "" : l.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(l -> !l.isEmpty()).toList();
        Optional<MrzFormat> format = java.util.Arrays.stream(MrzFormat.values())
                .filter(f -> f.lines == lines.size()).findFirst();
        if (format.isEmpty()) {
            return MrzOutcome.refused(Refusal.of(FORMAT + ".lines", String.valueOf(lines.size())));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() != format.get().length) {
                return MrzOutcome.refused(Refusal.of(FORMAT + ".length", String.valueOf(i + 1), String.valueOf(format.get().length)));
            }
            if (!line.matches("[A-Z0-9<]+")) {
                return MrzOutcome.refused(Refusal.of(FORMAT + ".characters", String.valueOf(i + 1)));
            }
        }
        return MrzOutcome.read(format.get() == MrzFormat.TD3 ? td3(lines.get(0), lines.get(1)) : td1(lines.get(0), lines.get(1), lines.get(2)));
    }

    private static MrzReading td3(String l1, String l2) {
        Map<MrzCheck, Boolean> checks = new EnumMap<>(MrzCheck.class);
        checks.put(MrzCheck.DOCUMENT_NUMBER, MrzCheckDigit.matches(l2.substring(0, 9), l2.charAt(9)));
        checks.put(MrzCheck.BIRTH_DATE, MrzCheckDigit.matches(l2.substring(13, 19), l2.charAt(19)));
        checks.put(MrzCheck.EXPIRY_DATE, MrzCheckDigit.matches(l2.substring(21, 27), l2.charAt(27)));
        String optional = l2.substring(28, 42);
        // Part 4, 4.2.2.2: an all-filler personal number may have a filler or zero as its check digit
        checks.put(MrzCheck.OPTIONAL_DATA, MrzCheckDigit.matches(optional, l2.charAt(42))
                || (optional.chars().allMatch(c -> c == '<') && l2.charAt(42) == '<'));
        checks.put(MrzCheck.COMPOSITE, MrzCheckDigit.matches(l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43), l2.charAt(43)));
        String[] names = names(l1.substring(5));
        return new MrzReading(MrzFormat.TD3, code(l1.substring(0, 2)), code(l1.substring(2, 5)), names[0], names[1],
                code(l2.substring(0, 9)), code(l2.substring(10, 13)), l2.substring(13, 19), sex(l2.charAt(20)),
                l2.substring(21, 27), checks);
    }

    private static MrzReading td1(String l1, String l2, String l3) {
        Map<MrzCheck, Boolean> checks = new EnumMap<>(MrzCheck.class);
        String number = l1.substring(5, 14);
        char numberCheck = l1.charAt(14);
        if (numberCheck == '<') {
            // Part 5, 4.2.2.1 note: a number longer than 9 characters continues in the optional data, check digit last
            String rest = l1.substring(15).split("<", 2)[0];
            if (!rest.isEmpty()) {
                number = number + rest.substring(0, rest.length() - 1);
                numberCheck = rest.charAt(rest.length() - 1);
            }
        }
        checks.put(MrzCheck.DOCUMENT_NUMBER, MrzCheckDigit.matches(number, numberCheck));
        checks.put(MrzCheck.BIRTH_DATE, MrzCheckDigit.matches(l2.substring(0, 6), l2.charAt(6)));
        checks.put(MrzCheck.EXPIRY_DATE, MrzCheckDigit.matches(l2.substring(8, 14), l2.charAt(14)));
        checks.put(MrzCheck.COMPOSITE, MrzCheckDigit.matches(l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29), l2.charAt(29)));
        String[] names = names(l3);
        return new MrzReading(MrzFormat.TD1, code(l1.substring(0, 2)), code(l1.substring(2, 5)), names[0], names[1],
                code(number), code(l2.substring(15, 18)), l2.substring(0, 6), sex(l2.charAt(7)), l2.substring(8, 14), checks);
    }

    /** Primary and secondary identifiers: {@code SURNAME<<GIVEN<NAMES}, fillers as spaces. */
    private static String[] names(String field) {
        int split = field.indexOf("<<");
        String surname = split < 0 ? field : field.substring(0, split);
        String given = split < 0 ? "" : field.substring(split + 2);
        return new String[] {spaced(surname), spaced(given)};
    }

    private static String spaced(String field) {
        return field.replace('<', ' ').trim().replaceAll(" +", " ");
    }

    private static String code(String field) {
        return field.replace("<", "");
    }

    private static String sex(char c) {
        return c == '<' ? "X" : String.valueOf(c);
    }
}
