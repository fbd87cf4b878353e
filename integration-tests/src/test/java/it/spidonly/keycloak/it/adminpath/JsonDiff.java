package it.spidonly.keycloak.it.adminpath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two JSON documents compared leaf by leaf: each difference is a line {@code path: left -> right}. Arrays of named
 * objects are matched by name ({@code clients[clientId=app]}), arrays of plain values as sets (Keycloak does not keep
 * their order), other arrays by position.
 */
final class JsonDiff {
    static final String ABSENT = "(absent)";

    private JsonDiff() {
    }

    static List<String> of(JsonNode left, JsonNode right) {
        Map<String, String> l = flatten(left);
        Map<String, String> r = flatten(right);
        List<String> lines = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(l.keySet());
        paths.addAll(r.keySet());
        for (String path : paths) {
            String a = l.getOrDefault(path, ABSENT);
            String b = r.getOrDefault(path, ABSENT);
            if (!a.equals(b)) {
                lines.add(path + ": " + a + " -> " + b);
            }
        }
        return lines;
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> leaves = new TreeMap<>();
        flatten("", node, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                leaves.put(path, "{}");
            }
            node.fields().forEachRemaining(f -> flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), leaves));
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                leaves.put(path, "[]");
            } else if (allValues(node)) {
                TreeSet<String> values = new TreeSet<>();
                node.forEach(v -> values.add(v.asText()));
                leaves.put(path, values.toString());
            } else {
                Map<String, Integer> seen = new HashMap<>();
                int index = 0;
                for (JsonNode element : node) {
                    String key = RealmSnapshot.label(element).orElse(String.valueOf(index));
                    int n = seen.merge(key, 1, Integer::sum);
                    flatten(path + "[" + key + (n > 1 ? "#" + n : "") + "]", element, leaves);
                    index++;
                }
            }
        } else {
            leaves.put(path, node.isNull() ? "null" : node.asText());
        }
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode element : array) {
            if (element.isContainerNode()) {
                return false;
            }
        }
        return true;
    }
}
