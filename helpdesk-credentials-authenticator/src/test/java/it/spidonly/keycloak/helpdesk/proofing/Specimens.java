package it.spidonly.keycloak.helpdesk.proofing;

import java.util.List;

import it.spidonly.keycloak.helpdesk.mrz.MrzCheckDigit;

/**
 * A valid baseline proofing for the tests: a US passport (TD3) built like ICAO's specimen, with its check digits
 * (whose computation {@code MrzCheckDigitTest} checks on ICAO's own specimens).
 */
public final class Specimens {
    private Specimens() {
    }

    /** TD3 line 2 for number, nationality, birth (yyMMdd), sex, expiry (yyMMdd), optional data (14). */
    public static String td3Line2(String number, String nationality, String birth, char sex, String expiry, String optional) {
        String num = pad(number, 9);
        String opt = pad(optional, 14);
        String l = num + MrzCheckDigit.of(num) + nationality + birth + MrzCheckDigit.of(birth) + sex
                + expiry + MrzCheckDigit.of(expiry) + opt + MrzCheckDigit.of(opt);
        String composite = l.substring(0, 10) + l.substring(13, 20) + l.substring(21, 43);
        return l + MrzCheckDigit.of(composite);
    }

    public static String td3Line1(String issuer, String surname, String given) {
        return pad("P<" + issuer + surname.replace(' ', '<') + "<<" + given.replace(' ', '<'), 44);
    }

    static String pad(String s, int n) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < n) {
            b.append('<');
        }
        return b.toString();
    }

    /** Ann Mary Johnson-Smith, US passport 583921746, born 1990-03-07, expires 2031-05-20, validated e-mail. */
    public static ProofingInput usPassport() {
        return new ProofingInput("passport", "583921746", "USA", "2021-05-21", "2031-05-20", "Johnson-Smith",
                "Ann Mary", "1990-03-07", "F", "USA", usMrz(), "ann.johnson@example.org", true, "+1 202 555 0143",
                true, "in-person", "sha256:4f2a", "en");
    }

    public static List<String> usMrz() {
        return List.of(td3Line1("USA", "JOHNSON SMITH", "ANN MARY"), td3Line2("583921746", "USA", "900307", 'F', "310520", ""));
    }
}
