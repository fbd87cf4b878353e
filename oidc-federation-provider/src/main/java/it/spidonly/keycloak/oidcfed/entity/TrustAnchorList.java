package it.spidonly.keycloak.oidcfed.entity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses the admin's trust-anchor text: one {@code <entity id> <JWKS JSON>} per line, or a JSON list of
 * {@code {"entity_id", "jwks"}} objects. Text that does not parse gives an {@link IllegalArgumentException} whose
 * message is the message key of the problem.
 */
public final class TrustAnchorList {
    static final int MAX_CHARS = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrustAnchorList() {
    }

    public static List<TrustAnchor> parse(String text, List<String> presets) {
        Map<String, TrustAnchor> byId = new LinkedHashMap<>();
        for (String preset : presets) {
            String id = KnownTrustAnchors.entityId(preset);
            byId.put(id, new TrustAnchor(id, null));
        }
        for (TrustAnchor anchor : parse(text)) {
            byId.put(anchor.entityId(), anchor);
        }
        return List.copyOf(byId.values());
    }

    static List<TrustAnchor> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("oidcfedTrustAnchorsTooLong");
        }
        String trimmed = text.trim();
        try {
            return trimmed.startsWith("[") ? fromJsonList(JSON.readTree(trimmed)) : fromLines(trimmed);
        } catch (IOException e) {
            throw new IllegalArgumentException("oidcfedTrustAnchorsSyntax");
        }
    }

    private static List<TrustAnchor> fromJsonList(JsonNode list) {
        List<TrustAnchor> anchors = new ArrayList<>();
        for (JsonNode item : list) {
            anchors.add(anchor(item.path("entity_id").asText(null), item.get("jwks")));
        }
        return anchors;
    }

    private static List<TrustAnchor> fromLines(String text) throws IOException {
        List<TrustAnchor> anchors = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int space = l.indexOf(' ');
            String id = space < 0 ? l : l.substring(0, space);
            JsonNode jwks = space < 0 ? null : JSON.readTree(l.substring(space + 1).trim());
            anchors.add(anchor(id, jwks));
        }
        return anchors;
    }

    private static TrustAnchor anchor(String entityId, JsonNode jwks) {
        if (entityId == null || !(entityId.startsWith("https://") || entityId.startsWith("http://"))) {
            throw new IllegalArgumentException("oidcfedTrustAnchorsEntityId");
        }
        if (jwks == null || jwks.isNull()) {
            return new TrustAnchor(entityId, null);
        }
        JsonNode keys = jwks.path("keys");
        if (!keys.isArray() || keys.isEmpty()) {
            throw new IllegalArgumentException("oidcfedTrustAnchorsJwks");
        }
        for (JsonNode key : keys) {
            if (!key.hasNonNull("kid") || key.has("d")) {
                throw new IllegalArgumentException("oidcfedTrustAnchorsJwks");
            }
        }
        return new TrustAnchor(entityId, jwks.toString());
    }
}
