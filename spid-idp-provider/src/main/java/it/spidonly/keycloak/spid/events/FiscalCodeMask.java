package it.spidonly.keycloak.spid.events;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;

/**
 * Masks every Italian fiscal code (codice fiscale, D.M. 23 dicembre 1976: 16 characters, omocodia letters allowed in
 * the digit positions) found in a free text, whatever its case and whether or not it follows SPID's {@code TINIT-}
 * prefix, with {@link SpidAttributeValues#mask} ({@code RSS***1U}). The check character is not verified: anything
 * shaped like a code is masked. Used for texts that go into logs above debug.
 */
public final class FiscalCodeMask {
    private static final Pattern CODE = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z]"
                    + "[0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![A-Za-z0-9])");

    private FiscalCodeMask() {
    }

    /** {@code text} with each fiscal code masked; null stays null. */
    public static String in(String text) {
        if (text == null || text.length() < 16) {
            return text;
        }
        Matcher m = CODE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(SpidAttributeValues.mask(m.group().toUpperCase(Locale.ROOT))));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
