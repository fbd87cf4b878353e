package it.spidonly.keycloak.testproviders.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutoverAttributesTest {

    @Test
    void allThreeAttributesWithTheirTypes() {
        Map<String, Object> attributes = CutoverAttributes.from(Map.of(
                "cutoverInstant", "2020-11-15T00:00:00+01:00", "cutoverDate", "15 novembre 2020", "cutoverPassed", "false"));
        assertEquals(List.of("cutoverInstant", "cutoverDate", "cutoverPassed"), List.copyOf(attributes.keySet()));
        assertEquals("2020-11-15T00:00:00+01:00", attributes.get("cutoverInstant"));
        assertEquals("15 novembre 2020", attributes.get("cutoverDate"));
        assertEquals(Boolean.FALSE, attributes.get("cutoverPassed"));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "TRUE, true", "false, false", "no, false"})
    void passedIsABoolean(String configured, boolean expected) {
        assertEquals(expected, CutoverAttributes.from(Map.of("cutoverPassed", configured)).get("cutoverPassed"));
    }

    @Test
    void absentOrBlankKeysLeaveTheirAttributeOut() {
        Map<String, String> config = new HashMap<>();
        config.put("cutoverInstant", " ");
        config.put("cutoverDate", null);
        assertTrue(CutoverAttributes.from(config).isEmpty());
        assertTrue(CutoverAttributes.from(null).isEmpty());
        assertTrue(CutoverAttributes.from(Map.of()).isEmpty());
    }

    @Test
    void textIsTrimmed() {
        assertEquals("15/11/2020", CutoverAttributes.from(Map.of("cutoverDate", " 15/11/2020 ")).get("cutoverDate"));
    }
}
