package it.spidonly.keycloak.oidcfed.trust;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies the superiors' metadata policies to an entity's metadata of one type (OpenID Federation
 * §metadata_policy_application; SPID/CIE OIDC Federation, entity_statement: the operators {@code value}, {@code add},
 * {@code default}, {@code one_of}, {@code subset_of}, {@code superset_of}, {@code essential}). Policies are applied
 * top-down (trust anchor first), operators in that order. An illegal result ({@code one_of} or {@code superset_of}
 * not met, an operator on a value of the wrong type) fails with {@link ChainCheck#METADATA_POLICY}; a missing essential
 * member with {@link ChainCheck#METADATA_ESSENTIAL}. Operators the rules do not define are ignored (the SPID/CIE rules
 * ignore {@code policy_language_crit}).
 */
public final class MetadataPolicy {
    private MetadataPolicy() {
    }

    /** The metadata after every policy, a new object ({@code metadata} is not changed). */
    public static ObjectNode apply(ObjectNode metadata, List<JsonNode> policies) throws TrustChainException {
        ObjectNode result = metadata.deepCopy();
        for (JsonNode policy : policies) {
            if (policy == null || policy.isNull()) {
                continue;
            }
            if (!policy.isObject()) {
                throw ChainCheck.fail(ChainCheck.METADATA_POLICY, "policy is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = policy.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (!member.getValue().isObject()) {
                    throw ChainCheck.fail(ChainCheck.METADATA_POLICY, member.getKey() + ": operators are not an object");
                }
                applyMember(result, member.getKey(), (ObjectNode) member.getValue());
            }
        }
        return result;
    }

    private static void applyMember(ObjectNode metadata, String name, ObjectNode operators) throws TrustChainException {
        if (operators.has("value")) {
            JsonNode value = operators.get("value");
            if (value.isNull()) {
                metadata.remove(name);
            } else {
                metadata.set(name, value.deepCopy());
            }
        }
        if (operators.has("add")) {
            metadata.set(name, union(metadata.get(name), array(operators.get("add"), name, "add")));
        }
        if (operators.has("default") && (!metadata.has(name) || metadata.get(name).isNull())) {
            metadata.set(name, operators.get("default").deepCopy());
        }
        if (operators.has("one_of") && metadata.has(name)) {
            JsonNode value = metadata.get(name);
            if (value.isContainerNode() || !contains(array(operators.get("one_of"), name, "one_of"), value)) {
                throw ChainCheck.fail(ChainCheck.METADATA_POLICY, name + " is not one of the allowed values");
            }
        }
        if (operators.has("subset_of") && metadata.has(name)) {
            ArrayNode allowed = array(operators.get("subset_of"), name, "subset_of");
            ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (JsonNode v : array(metadata.get(name), name, "subset_of")) {
                if (contains(allowed, v)) {
                    kept.add(v);
                }
            }
            if (kept.isEmpty()) {
                metadata.remove(name);
            } else {
                metadata.set(name, kept);
            }
        }
        if (operators.has("superset_of") && metadata.has(name)) {
            ArrayNode value = array(metadata.get(name), name, "superset_of");
            for (JsonNode required : array(operators.get("superset_of"), name, "superset_of")) {
                if (!contains(value, required)) {
                    throw ChainCheck.fail(ChainCheck.METADATA_POLICY, name + " lacks " + required.asText());
                }
            }
        }
        if (operators.path("essential").asBoolean(false) && (!metadata.has(name) || metadata.get(name).isNull())) {
            throw ChainCheck.fail(ChainCheck.METADATA_ESSENTIAL, name + " is essential and missing");
        }
    }

    private static ArrayNode array(JsonNode node, String name, String operator) throws TrustChainException {
        if (node == null || !node.isArray()) {
            throw ChainCheck.fail(ChainCheck.METADATA_POLICY, name + ": " + operator + " needs a list");
        }
        return (ArrayNode) node;
    }

    private static ArrayNode union(JsonNode current, ArrayNode added) throws TrustChainException {
        Set<JsonNode> all = new LinkedHashSet<>();
        if (current != null && !current.isNull()) {
            if (!current.isArray()) {
                throw ChainCheck.fail(ChainCheck.METADATA_POLICY, "add on a value that is not a list");
            }
            current.forEach(all::add);
        }
        added.forEach(all::add);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        new ArrayList<>(all).forEach(out::add);
        return out;
    }

    private static boolean contains(ArrayNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
