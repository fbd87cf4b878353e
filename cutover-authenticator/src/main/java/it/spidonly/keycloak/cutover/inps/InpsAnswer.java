package it.spidonly.keycloak.cutover.inps;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads INPS's answer (docs/inps-pin.md): {@code 200} with {@code outcome} VALID, INVALID or BLOCKED. VALID counts
 * only for the fiscal code that was asked; any other status or shape is "unavailable", never a login.
 */
public final class InpsAnswer {
    private InpsAnswer() {
    }

    public static InpsVerdict read(int status, JsonNode body, String askedFiscalCode) {
        if (status != 200) {
            return new InpsVerdict.Unavailable(status == 401 || status == 403
                    ? "INPS refused our API key (HTTP " + status + ")" : "HTTP " + status);
        }
        if (body == null || !body.isObject()) {
            return new InpsVerdict.Unavailable("answer is not a JSON object");
        }
        String outcome = body.path("outcome").asText("");
        switch (outcome) {
            case "VALID":
                String code = body.path("fiscalCode").asText("");
                if (!code.equalsIgnoreCase(askedFiscalCode)) {
                    return new InpsVerdict.Unavailable("VALID for another fiscal code");
                }
                return new InpsVerdict.Verified(askedFiscalCode, text(body, "givenName"), text(body, "familyName"));
            case "INVALID":
                return new InpsVerdict.Refused();
            case "BLOCKED":
                return new InpsVerdict.Blocked();
            default:
                return new InpsVerdict.Unavailable("unknown outcome");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText().trim();
    }
}
