package it.spidonly.keycloak.spid.sp;

import java.util.List;

/**
 * The attribute consuming services FICEP (the Italian eIDAS connector) expects in a SPID SP's metadata, with the
 * names and attributes of AgID's eIDAS guide (AgID/eidas-italian-node, examples/attribute-consuming-service.xml):
 * 99 "eIDAS Natural Person Minimum Attribute Set" and 100 "eIDAS Natural Person Full Attribute Set". Published when
 * the SP setting {@link SpidServiceProviderProperties#EIDAS_ATTRIBUTE_SETS} is on; never editable.
 */
public final class EidasAttributeSets {
    public static final int MINIMUM_INDEX = 99;
    public static final int FULL_INDEX = 100;

    public static final AttributeConsumingService MINIMUM = new AttributeConsumingService(MINIMUM_INDEX,
            "eIDAS Natural Person Minimum Attribute Set", List.of("dateOfBirth", "familyName", "name", "spidCode"));
    public static final AttributeConsumingService FULL = new AttributeConsumingService(FULL_INDEX,
            "eIDAS Natural Person Full Attribute Set",
            List.of("address", "dateOfBirth", "familyName", "gender", "name", "placeOfBirth", "spidCode"));

    private EidasAttributeSets() {
    }

    public static List<AttributeConsumingService> all() {
        return List.of(MINIMUM, FULL);
    }
}
