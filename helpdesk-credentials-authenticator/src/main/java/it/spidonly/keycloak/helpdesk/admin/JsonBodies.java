package it.spidonly.keycloak.helpdesk.admin;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads request bodies ourselves, so that a body that is not the JSON we expect is answered like every other
 * refusal (400 with a message naming the field) instead of with the server's generic error.
 */
final class JsonBodies {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonBodies() {
    }

    /** The body as {@code type}; {@code null} for an empty body or {@code null}. */
    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new HelpdeskProblem(400, "helpdesk.input.unknown-field", e.getPropertyName());
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "" : String.valueOf(e.getPath().get(0).getFieldName());
            throw field.isEmpty() || "null".equals(field) ? new HelpdeskProblem(400, "helpdesk.input.json")
                    : new HelpdeskProblem(400, "helpdesk.input.invalid", field);
        } catch (IOException e) {
            throw new HelpdeskProblem(400, "helpdesk.input.json");
        }
    }
}
