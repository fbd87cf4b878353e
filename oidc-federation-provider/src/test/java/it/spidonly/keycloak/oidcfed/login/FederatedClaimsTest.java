package it.spidonly.keycloak.oidcfed.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The SPID/CIE OIDC claims become the SPID attributes of the shared identity layer. */
class FederatedClaimsTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theFiscalNumberAndTheOtherClaimsGetTheirSpidNames() {
        ObjectNode userinfo = json.createObjectNode();
        userinfo.put(Claims.FISCAL_NUMBER, "TINIT-rssmra80a01h501u");
        userinfo.put("given_name", "Mario");
        userinfo.put("family_name", "Rossi");
        userinfo.put("birthdate", "1980-01-01");
        userinfo.putObject("place_of_birth").put("locality", "H501").put("region", "RM");
        userinfo.putObject("address").put("street_address", "Via dei Test 1").put("postal_code", "00100").put("locality", "Roma");

        FederatedClaims claims = FederatedClaims.of(null, userinfo);

        assertEquals("RSSMRA80A01H501U", claims.fiscalNumber().orElseThrow());
        assertEquals("Mario", claims.attributes().get("name"));
        assertEquals("1980-01-01", claims.attributes().get("dateOfBirth"));
        assertEquals("H501", claims.attributes().get("placeOfBirth"));
        assertEquals("RM", claims.attributes().get("countyOfBirth"));
        assertEquals("Via dei Test 1 00100 Roma", claims.attributes().get("address"));
    }

    @Test
    void anInvalidFiscalCodeIsNoFiscalNumber() {
        ObjectNode userinfo = json.createObjectNode();
        userinfo.put(Claims.FISCAL_NUMBER, "TINIT-RSSMRA80A01H501X");
        assertTrue(FederatedClaims.of(null, userinfo).fiscalNumber().isEmpty());
    }
}
