package it.spidonly.keycloak.spid.attributes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The attribute names a SPID service provider may request (SPID Regole tecniche, "Attributi"). */
public enum SpidAttribute {
    spidCode, name, familyName, placeOfBirth, countyOfBirth, dateOfBirth, gender, companyName,
    registeredOffice, fiscalNumber, ivaCode, idCard, mobilePhone, email, address, expirationDate,
    digitalAddress, domicileStreetAddress, domicilePostalCode, domicileMunicipality, domicileProvince,
    domicileNation, companyFiscalNumber;

    public static Optional<SpidAttribute> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.toList());
    }
}
