package it.spidonly.keycloak.cie.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.common.util.MultivaluedHashMap;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.ServiceProviderConfigs;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/** The CIE fields of the SP page: optional, but when filled in they must have CIE's shapes. */
class CieSettingsCheckTest {

    private static List<String> problems(String key, String value) {
        MultivaluedHashMap<String, String> config = ServiceProviderConfigs.validPublic();
        if (key != null) {
            config.putSingle(key, value);
        }
        return CieSettingsCheck.problems(new SpidServiceProviderConfig(config)).stream().map(Problem::key).toList();
    }

    @Test
    void noCieDataIsFine() {
        assertEquals(List.of(), problems(null, null));
    }

    @ParameterizedTest(name = "{0}={1} accepted")
    @CsvSource({"cieMunicipality,H501", "cieProvince,RM", "cieCountry,IT", "cieNace2Codes,'84.11, 62.01'", "cieNace2Codes,62",
            "cieEntityId,https://cie.lavoro.example/sp", "cieContactEmail,cie@lavoro.example"})
    void wellShapedValues(String key, String value) {
        assertEquals(List.of(), problems(key, value));
    }

    @ParameterizedTest(name = "{0}={1} refused with {2}")
    @CsvSource({"cieMunicipality,Roma,cieSpMunicipalityShape", "cieMunicipality,h501,cieSpMunicipalityShape",
            "cieProvince,Roma,cieSpProvinceShape", "cieCountry,ITA,cieSpCountryShape", "cieNace2Codes,ATECO,cieSpNace2Shape",
            "cieEntityId,http://cie.lavoro.example,cieSpEntityIdUrl", "cieContactEmail,not-an-address,cieSpContactEmailShape"})
    void badlyShapedValues(String key, String value, String problem) {
        assertEquals(List.of(problem), problems(key, value));
    }
}
