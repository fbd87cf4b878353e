package it.spidonly.keycloak.eidas.identity;

import java.util.List;

/**
 * The user attributes of an eIDAS person (docs/eidas.md). The person identifier and the origin country are the
 * bundle's own; names go to Keycloak's first and last name; the other values keep their SPID attribute names
 * (FICEP releases them under those names), so apps read one claim for SPID and eIDAS users alike.
 */
public final class EidasUserAttributes {
    /** The full eIDAS PersonIdentifier, exactly as received: the account's key. */
    public static final String PERSON_IDENTIFIER = "eidasPersonIdentifier";
    /** The origin state, ISO 3166-1 alpha-2 (Greece GR, although eIDAS writes EL). */
    public static final String COUNTRY = "eidasCountry";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String PLACE_OF_BIRTH = "placeOfBirth";
    public static final String ADDRESS = "address";
    public static final String GENDER = "gender";

    /** Declared in the realm's user profile (read-only for users), in this order. */
    public static final List<String> DECLARED = List.of(PERSON_IDENTIFIER, COUNTRY, DATE_OF_BIRTH, PLACE_OF_BIRTH, ADDRESS, GENDER);

    private EidasUserAttributes() {
    }
}
