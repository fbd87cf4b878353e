package it.spidonly.keycloak.testsupport.helpdesk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Proofings as an operator sends them to the help-desk API: a valid baseline (a passport of a state outside eIDAS
 * with a TD3 MRZ whose check digits are right), from which a test changes one thing. Document numbers and e-mail
 * addresses are fresh per call, so tests never collide with each other's records.
 */
public final class Proofings {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Proofings() {
    }

    /** A US passport of "Ann Mary Johnson", valid for five more years, a validated e-mail, the no-EU-eID statement. */
    public static Map<String, Object> usPassport(String email) {
        String number = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        LocalDate birth = LocalDate.of(1990, 3, 7);
        LocalDate expiry = LocalDate.now().plusYears(5);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("documentType", "passport");
        p.put("documentNumber", number);
        p.put("issuingState", "USA");
        p.put("issueDate", LocalDate.now().minusYears(5).toString());
        p.put("expiryDate", expiry.toString());
        p.put("surname", "Johnson");
        p.put("givenNames", "Ann Mary");
        p.put("birthDate", birth.toString());
        p.put("sex", "F");
        p.put("nationality", "USA");
        p.put("mrz", td3("USA", "JOHNSON", "ANN MARY", number, "USA", birth, 'F', expiry));
        p.put("email", email);
        p.put("emailVerified", true);
        p.put("phone", "+12025550143");
        p.put("noEuEidStatement", true);
        p.put("faceComparison", "in-person");
        p.put("evidenceRef", "sha256:9b1c4e");
        p.put("locale", "en");
        return p;
    }

    /** The two lines of a TD3 MRZ (ICAO 9303 Part 4) with its check digits. */
    public static List<String> td3(String issuer, String surname, String given, String number, String nationality,
                                   LocalDate birth, char sex, LocalDate expiry) {
        String line1 = pad("P<" + issuer + surname.replace(' ', '<') + "<<" + given.replace(' ', '<'), 44);
        String num = pad(number, 9);
        String b = birth.format(YYMMDD);
        String e = expiry.format(YYMMDD);
        String opt = pad("", 14);
        String l = num + check(num) + nationality + b + check(b) + sex + e + check(e) + opt + check(opt);
        return List.of(line1, l + check(l.substring(0, 10) + l.substring(13, 20) + l.substring(21, 43)));
    }

    /** ICAO 9303 Part 3, 4.9 (an independent implementation, the test's own oracle). */
    public static int check(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : Character.isLetter(c) ? c - 'A' + 10 : 0;
            sum += v * weights[i % 3];
        }
        return sum % 10;
    }

    private static String pad(String s, int n) {
        return (s + "<".repeat(n)).substring(0, n);
    }
}
