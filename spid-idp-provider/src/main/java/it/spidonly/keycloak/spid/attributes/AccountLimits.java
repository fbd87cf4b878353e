package it.spidonly.keycloak.spid.attributes;

import java.util.Map;
import java.util.Set;

/**
 * How much of a person's data a Keycloak account holds: 255 characters in its name and e-mail fields (database
 * columns of that size) and, by the bundle's choice, 2048 in any other attribute. A login whose identity says more is
 * refused by its profile's rule (SAML: {@code spid.assertion.attributes.length}; eIDAS nodes:
 * {@code eidas.assertion.attributes.length}; OIDC federation: {@code oidcfed.userinfo.length}) with a page and an
 * event, instead of failing in the database when the account is written (HTTP 500, docs/decisions.md).
 */
public final class AccountLimits {
    /** The account's first name, last name and e-mail. */
    public static final int FIELD = 255;
    /** Any other attribute. */
    public static final int ATTRIBUTE = 2048;
    private static final Set<String> FIELDS = Set.of(SpidAttribute.name.name(), SpidAttribute.familyName.name(), SpidAttribute.email.name());

    private AccountLimits() {
    }

    /** Whether the SPID attribute {@code name}'s {@code value} fits the account. */
    public static boolean fits(String name, String value) {
        return FIELDS.contains(name) ? fitsField(value) : fitsAttribute(value);
    }

    /** Whether {@code value} fits a name or e-mail field of the account. */
    public static boolean fitsField(String value) {
        return value == null || value.length() <= FIELD;
    }

    /** Whether {@code value} fits any other attribute of the account. */
    public static boolean fitsAttribute(String value) {
        return value == null || value.length() <= ATTRIBUTE;
    }

    /** Whether every value of {@code attributes} (SPID attribute names) fits the account. */
    public static boolean allFit(Map<String, String> attributes) {
        return attributes.entrySet().stream().allMatch(e -> fits(e.getKey(), e.getValue()));
    }
}
