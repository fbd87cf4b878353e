package it.spidonly.keycloak.eidas.node;

import java.util.List;

/**
 * A natural-person attribute of the eIDAS SAML Attribute Profile v1.2 (section 2.2), by URI, and whether the SP
 * requires it. The minimum data set (PersonIdentifier, CurrentFamilyName, CurrentGivenName, DateOfBirth) is always
 * required.
 */
public record EidasRequestedAttribute(String name, boolean required) {
    public static final String PREFIX = "http://eidas.europa.eu/attributes/naturalperson/";
    public static final String PERSON_IDENTIFIER = PREFIX + "PersonIdentifier";
    public static final String FAMILY_NAME = PREFIX + "CurrentFamilyName";
    public static final String GIVEN_NAME = PREFIX + "CurrentGivenName";
    public static final String DATE_OF_BIRTH = PREFIX + "DateOfBirth";
    public static final String PLACE_OF_BIRTH = PREFIX + "PlaceOfBirth";
    public static final String CURRENT_ADDRESS = PREFIX + "CurrentAddress";
    public static final String GENDER = PREFIX + "Gender";
    public static final String BIRTH_NAME = PREFIX + "BirthName";

    /** The natural-person minimum data set, all required. */
    public static List<EidasRequestedAttribute> minimumDataSet() {
        return List.of(new EidasRequestedAttribute(PERSON_IDENTIFIER, true), new EidasRequestedAttribute(FAMILY_NAME, true),
                new EidasRequestedAttribute(GIVEN_NAME, true), new EidasRequestedAttribute(DATE_OF_BIRTH, true));
    }
}
