package it.spidonly.keycloak.spid.attributes;

import java.util.Locale;

/**
 * Normalises SPID attribute values into the form the bundle stores: fiscalNumber without its
 * {@code TINIT-} prefix and in upper case, ivaCode without {@code VATIT-}, others trimmed.
 */
public final class SpidAttributeValues {
    private static final String FISCAL_NUMBER_PREFIX = "TINIT-";
    private static final String VAT_PREFIX = "VATIT-";

    private SpidAttributeValues() {
    }

    public static String normalise(String attributeName, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (SpidAttribute.fiscalNumber.name().equals(attributeName) || SpidAttribute.companyFiscalNumber.name().equals(attributeName)) {
            return stripPrefix(v, FISCAL_NUMBER_PREFIX).toUpperCase(Locale.ROOT);
        }
        if (SpidAttribute.ivaCode.name().equals(attributeName)) {
            return stripPrefix(v, VAT_PREFIX).toUpperCase(Locale.ROOT);
        }
        return v;
    }

    /** Shows only the first and last characters of a fiscal code, for logs above debug. */
    public static String mask(String fiscalNumber) {
        if (fiscalNumber == null || fiscalNumber.length() < 6) {
            return "***";
        }
        return fiscalNumber.substring(0, 3) + "***" + fiscalNumber.substring(fiscalNumber.length() - 2);
    }

    private static String stripPrefix(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length()) ? value.substring(prefix.length()) : value;
    }
}
