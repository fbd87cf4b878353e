package it.spidonly.keycloak.helpdesk.proofing;

import java.util.List;

/**
 * Why a proofing, an approval or a login was refused: the rule id, which is also the message key
 * ({@code messages_it}/{@code messages_en}) and the event detail, with the message parameters (never a document
 * number or a code: parameters name fields, dates and country codes).
 */
public record Refusal(String key, List<String> params) {
    public Refusal {
        params = List.copyOf(params);
    }

    public static Refusal of(String key, String... params) {
        return new Refusal(key, List.of(params));
    }
}
