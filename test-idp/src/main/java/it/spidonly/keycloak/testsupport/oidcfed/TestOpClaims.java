package it.spidonly.keycloak.testsupport.oidcfed;

import java.util.LinkedHashMap;
import java.util.Map;

import it.spidonly.keycloak.testsupport.idp.TestUser;

/** A test citizen's SPID attributes as SPID/CIE OIDC claims ("Attributi utente"). */
final class TestOpClaims {
    static final String P = "https://attributes.eid.gov.it/";

    private TestOpClaims() {
    }

    static Map<String, Object> of(TestUser user) {
        Map<String, Object> c = new LinkedHashMap<>();
        put(c, "given_name", user.attribute("name"));
        put(c, "family_name", user.attribute("familyName"));
        put(c, "birthdate", user.attribute("dateOfBirth"));
        put(c, "gender", user.attribute("gender"));
        put(c, "email", user.attribute("email"));
        put(c, "phone_number", user.attribute("mobilePhone"));
        put(c, P + "fiscal_number", user.attribute("fiscalNumber"));
        put(c, P + "spid_code", user.attribute("spidCode"));
        put(c, P + "e_delivery_service", user.attribute("digitalAddress"));
        if (user.attribute("placeOfBirth") != null) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("locality", user.attribute("placeOfBirth"));
            if (user.attribute("countyOfBirth") != null) {
                place.put("region", user.attribute("countyOfBirth"));
            }
            c.put("place_of_birth", place);
        }
        if (user.attribute("address") != null) {
            c.put("address", Map.of("formatted", user.attribute("address")));
        }
        return c;
    }

    private static void put(Map<String, Object> c, String name, String value) {
        if (value != null && !value.isBlank()) {
            c.put(name, value);
        }
    }
}
