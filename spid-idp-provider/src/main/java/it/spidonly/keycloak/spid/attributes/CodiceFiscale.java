package it.spidonly.keycloak.spid.attributes;

import java.util.regex.Pattern;

/**
 * The pure checks of an Italian fiscal code, shared by SPID ({@code FiscalNumberRule}) and the cutover's
 * {@code FiscalCode} (what people type). A person's code (D.M. 23 dicembre 1976): 16 characters, each digit position
 * possibly replaced by a letter L-V (omocodia), the last one a check character. A temporary code (codice fiscale
 * provvisorio, D.P.R. 605/1973): 11 digits, the last a check digit computed as for a partita IVA (Luhn).
 */
public final class CodiceFiscale {
    private static final Pattern PERSON = Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");
    private static final Pattern TEMPORARY = Pattern.compile("[0-9]{11}");
    /** Values of the characters in odd positions (1st, 3rd, ... 15th): 0-9 then A-Z. */
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    private CodiceFiscale() {
    }

    /** 16 characters shaped like a person's code (upper case), whatever the check character. */
    public static boolean isPersonShaped(String code) {
        return code != null && PERSON.matcher(code).matches();
    }

    /** A person's code whose check character is right; omocodia letters are fine. Upper case only. */
    public static boolean isValidPerson(String code) {
        return isPersonShaped(code) && checkCharacter(code) == code.charAt(15);
    }

    /** 11 digits whose last one is the check digit. */
    public static boolean isValidTemporary(String code) {
        if (code == null || !TEMPORARY.matcher(code).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = code.charAt(i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10 == code.charAt(10) - '0';
    }

    /** Either kind, valid. */
    public static boolean isValid(String code) {
        return isValidPerson(code) || isValidTemporary(code);
    }

    /** The check character of the first 15 characters of a person-shaped code. */
    public static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = code.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            // positions are counted from 1: index 0 is the 1st, an odd position
            sum += i % 2 == 0 ? ODD[index] : (Character.isDigit(c) ? c - '0' : c - 'A');
        }
        return (char) ('A' + sum % 26);
    }
}
