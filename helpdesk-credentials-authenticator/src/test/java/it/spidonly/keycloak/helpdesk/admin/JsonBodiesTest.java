package it.spidonly.keycloak.helpdesk.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/** A body that is not the JSON we expect is a refusal naming the field, like every other bad input. */
class JsonBodiesTest {
    @Test
    void aProofingIsRead() {
        ProofingRequest r = JsonBodies.read("{\"surname\": \"Johnson\", \"mrz\": [\"P<USA\"], \"emailVerified\": true}", ProofingRequest.class);
        assertEquals("Johnson", r.surname);
        assertEquals(List.of("P<USA"), r.mrz);
        assertEquals(Boolean.TRUE, r.emailVerified);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '", "null"}, nullValues = "NONE")
    void emptyBodiesAreNull(String body) {
        assertNull(JsonBodies.read(body, ProofingRequest.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"surname\": | helpdesk.input.json | ",
            "[1, 2] | helpdesk.input.json | ",
            "{\"photo\": \"x\"} | helpdesk.input.unknown-field | photo",
            "{\"emailVerified\": [\"yes\"]} | helpdesk.input.invalid | emailVerified",
            "{\"mrz\": {\"a\": 1}} | helpdesk.input.invalid | mrz"})
    void badBodiesAreRefusedNamingTheField(String body, String key, String field) {
        HelpdeskProblem problem = assertThrows(HelpdeskProblem.class, () -> JsonBodies.read(body, ProofingRequest.class));
        assertEquals(400, problem.status);
        assertEquals(field == null ? Refusal.of(key) : Refusal.of(key, field), problem.refusals.get(0));
    }
}
