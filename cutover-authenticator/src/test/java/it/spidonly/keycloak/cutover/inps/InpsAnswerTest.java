package it.spidonly.keycloak.cutover.inps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class InpsAnswerTest {
    private static final String ASKED = "RSSMRA80A01H501U";

    private static InpsVerdict read(int status, String body) throws Exception {
        JsonNode json = body == null ? null : new ObjectMapper().readTree(body);
        return InpsAnswer.read(status, json, ASKED);
    }

    @Test
    void validForTheAskedCodeIsThePersonWithTheirNames() throws Exception {
        InpsVerdict verdict = read(200, "{\"outcome\":\"VALID\",\"fiscalCode\":\"RSSMRA80A01H501U\",\"givenName\":\"Mario\",\"familyName\":\"Rossi\"}");
        assertEquals(new InpsVerdict.Verified(ASKED, "Mario", "Rossi"), verdict);
    }

    @Test
    void namesAreOptional() throws Exception {
        assertEquals(new InpsVerdict.Verified(ASKED, null, null), read(200, "{\"outcome\":\"VALID\",\"fiscalCode\":\"rssmra80a01h501u\",\"givenName\":\" \"}"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "200 | {\"outcome\":\"INVALID\"}                                      | Refused",
            "200 | {\"outcome\":\"BLOCKED\"}                                      | Blocked",
            "200 | {\"outcome\":\"VALID\",\"fiscalCode\":\"VRDGPP80A01H501U\"}    | Unavailable",
            "200 | {\"outcome\":\"VALID\"}                                        | Unavailable",
            "200 | {\"outcome\":\"valid\",\"fiscalCode\":\"RSSMRA80A01H501U\"}    | Unavailable",
            "200 | {\"outcome\":\"MAYBE\"}                                        | Unavailable",
            "200 | []                                                            | Unavailable",
            "200 | null                                                          | Unavailable",
            "401 | {\"outcome\":\"VALID\",\"fiscalCode\":\"RSSMRA80A01H501U\"}    | Unavailable",
            "500 | {\"outcome\":\"INVALID\"}                                      | Unavailable",
            "302 | null                                                          | Unavailable"})
    void anythingButAClearAnswerIsNeverALogin(int status, String body, String expected) throws Exception {
        assertEquals(expected, read(status, body).getClass().getSimpleName());
    }
}
