package it.spidonly.keycloak.helpdesk.mrz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/** The ICAO Doc 9303 specimens (TD3 Part 4, TD1 Part 5), and each of them with one character changed. */
class MrzParserTest {
    static final List<String> TD3 = List.of(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    static final List<String> TD1 = List.of(
            "I<UTOD231458907<<<<<<<<<<<<<<<",
            "7408122F1204159UTO<<<<<<<<<<<6",
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

    @Test
    void td3SpecimenReadsWithEveryCheckPassing() {
        MrzReading r = MrzParser.parse(TD3).reading().orElseThrow();
        assertEquals(MrzFormat.TD3, r.format());
        assertEquals(List.of(), r.failedChecks());
        assertEquals(5, r.checks().size());
        assertEquals("P", r.documentCode());
        assertEquals("UTO", r.issuingState());
        assertEquals("ERIKSSON", r.surname());
        assertEquals("ANNA MARIA", r.givenNames());
        assertEquals("L898902C3", r.documentNumber());
        assertEquals("UTO", r.nationality());
        assertEquals("740812", r.birthDate());
        assertEquals("F", r.sex());
        assertEquals("120415", r.expiryDate());
        assertTrue(r.isPassport());
    }

    @Test
    void td1SpecimenReadsWithEveryCheckPassing() {
        MrzReading r = MrzParser.parse(TD1).reading().orElseThrow();
        assertEquals(MrzFormat.TD1, r.format());
        assertEquals(List.of(), r.failedChecks());
        assertEquals(4, r.checks().size());
        assertEquals("I", r.documentCode());
        assertEquals("D23145890", r.documentNumber());
        assertEquals("ERIKSSON", r.surname());
        assertEquals("ANNA MARIA", r.givenNames());
        assertEquals("740812", r.birthDate());
        assertEquals("120415", r.expiryDate());
        assertEquals("UTO", r.nationality());
    }

    /** Every position covered by a check digit, changed to another character: that check (or the composite) fails. */
    static Stream<Arguments> td3Corruptions() {
        List<Arguments> cases = new ArrayList<>();
        String line = TD3.get(1);
        IntStream.range(0, 10).forEach(i -> cases.add(Arguments.of(TD3, 1, i, MrzCheck.DOCUMENT_NUMBER)));
        IntStream.range(13, 20).forEach(i -> cases.add(Arguments.of(TD3, 1, i, MrzCheck.BIRTH_DATE)));
        IntStream.range(21, 28).forEach(i -> cases.add(Arguments.of(TD3, 1, i, MrzCheck.EXPIRY_DATE)));
        IntStream.range(28, 43).forEach(i -> cases.add(Arguments.of(TD3, 1, i, MrzCheck.OPTIONAL_DATA)));
        cases.add(Arguments.of(TD3, 1, 43, MrzCheck.COMPOSITE));
        assertEquals(44, line.length());
        return cases.stream();
    }

    static Stream<Arguments> td1Corruptions() {
        List<Arguments> cases = new ArrayList<>();
        IntStream.range(5, 15).forEach(i -> cases.add(Arguments.of(TD1, 0, i, MrzCheck.DOCUMENT_NUMBER)));
        IntStream.range(0, 7).forEach(i -> cases.add(Arguments.of(TD1, 1, i, MrzCheck.BIRTH_DATE)));
        IntStream.range(8, 15).forEach(i -> cases.add(Arguments.of(TD1, 1, i, MrzCheck.EXPIRY_DATE)));
        IntStream.range(18, 30).forEach(i -> cases.add(Arguments.of(TD1, 1, i, MrzCheck.COMPOSITE)));
        return cases.stream();
    }

    @ParameterizedTest(name = "line {1} position {2}: {3}")
    @MethodSource({"td3Corruptions", "td1Corruptions"})
    void aSingleChangedCharacterFailsItsCheck(List<String> specimen, int lineIndex, int position, MrzCheck expected) {
        List<String> lines = new ArrayList<>(specimen);
        lines.set(lineIndex, corrupt(lines.get(lineIndex), position));
        MrzReading r = MrzParser.parse(lines).reading().orElseThrow();
        assertTrue(r.failedChecks().contains(expected), () -> lines + " -> " + r.failedChecks());
        if (expected != MrzCheck.COMPOSITE) {
            assertTrue(r.failedChecks().stream().allMatch(c -> c == expected || c == MrzCheck.COMPOSITE), r.failedChecks()::toString);
        }
    }

    /** A different character with a different check value at that position, so the weighted sum must change. */
    private static String corrupt(String line, int position) {
        char c = line.charAt(position);
        char replacement = c == '<' ? '7' : (c >= '0' && c <= '8') ? (char) (c + 1) : c == '9' ? '0' : (c == 'Z' ? 'A' : (char) (c + 1));
        return line.substring(0, position) + replacement + line.substring(position + 1);
    }

    static Stream<Arguments> badShapes() {
        return Stream.of(
                Arguments.of(List.of(TD3.get(0)), "lines"),
                Arguments.of(List.of(TD3.get(0), TD3.get(1) + "<"), "length"),
                Arguments.of(List.of(TD3.get(0), TD3.get(1).replace("L898902C3", "L898 02C3")), "characters"),
                Arguments.of(List.of(TD1.get(0), TD1.get(1), TD1.get(2), TD1.get(2)), "lines"));
    }

    @ParameterizedTest
    @MethodSource("badShapes")
    void aWrongShapeIsAFormatRefusalNamingWhatIsWrong(List<String> lines, String what) {
        Refusal refusal = MrzParser.parse(lines).refusal().orElseThrow();
        assertEquals(MrzParser.FORMAT + "." + what, refusal.key());
    }

    /** Part 5, 4.2.2.1 note: a number longer than 9 characters goes on in the optional data, its check digit last. */
    @Test
    void td1LongDocumentNumbersContinueInTheOptionalData() {
        String number = "D23145890AB";
        String rest = number.substring(9) + MrzCheckDigit.of(number);
        String line1 = "I<UTO" + number.substring(0, 9) + "<" + (rest + "<".repeat(15)).substring(0, 15);
        String line2start = "7408122F1204159UTO<<<<<<<<<<<";
        String composite = line1.substring(5, 30) + line2start.substring(0, 7) + line2start.substring(8, 15) + line2start.substring(18, 29);
        MrzReading r = MrzParser.parse(List.of(line1, line2start + MrzCheckDigit.of(composite), TD1.get(2))).reading().orElseThrow();
        assertEquals(List.of(), r.failedChecks());
        assertEquals(number, r.documentNumber());
    }

    @Test
    void linesAreTrimmedAndUpperCased() {
        MrzReading r = MrzParser.parse(List.of("  " + TD3.get(0).toLowerCase(), TD3.get(1) + "  ")).reading().orElseThrow();
        assertEquals(List.of(), r.failedChecks());
    }
}
