package it.spidonly.keycloak.it.adminpath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;

/**
 * What an administrator can read back of a realm, through the admin REST API, in a form two realms can be compared
 * in: the partial export (realm settings, clients, roles, groups, identity providers and their mappers, components,
 * authentication flows) plus the user-profile configuration, with what differs between any two realms by nature
 * written as placeholders: the realm's name and id, generated ids (as the alias or name of what they point to),
 * generated keys and secrets, the SPID page's readiness status; and the one thing Keycloak's realm import and its
 * admin REST API store differently for the same meaning (a client's absent post-logout redirect URIs).
 */
final class RealmSnapshot {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> NAMING_FIELDS = List.of("alias", "clientId", "name", "providerId");
    /** Key providers' generated material: different in every realm. */
    private static final List<String> GENERATED_KEY_CONFIG = List.of("privateKey", "certificate", "secret", "kid");
    private static final String KEY_PROVIDERS = "org.keycloak.keys.KeyProvider";
    private static final String READINESS = "readiness";
    private static final String POST_LOGOUT_REDIRECT_URIS = "post.logout.redirect.uris";

    private RealmSnapshot() {
    }

    static ObjectNode of(KeycloakAdmin admin, String realm) {
        ObjectNode snapshot = (ObjectNode) admin.post("/" + realm + "/partial-export?exportClients=true&exportGroupsAndRoles=true", null);
        snapshot.set("userProfile", admin.get("/" + realm + "/users/profile"));
        String realmId = snapshot.path("id").asText();
        blankServerWritten(snapshot);
        Map<String, String> labels = new HashMap<>();
        labels.put(realmId, "<realm id>");
        collectIdLabels(snapshot, labels);
        labels.replaceAll((id, label) -> label.replace(realm, "${REALM}"));
        return (ObjectNode) rewrite(snapshot, realm, labels);
    }

    private static void blankServerWritten(ObjectNode snapshot) {
        // the stored user profile is compared in its readable form, "userProfile"
        for (JsonNode profile : snapshot.path("components").path("org.keycloak.userprofile.UserProfileProvider")) {
            if (profile.path("config") instanceof ObjectNode config && config.has("kc.user.profile.config")) {
                config.set("kc.user.profile.config", TextNode.valueOf("<see userProfile>"));
            }
        }
        // the SPID page's "readiness at the last save": a status (with the generated key's id), as of the save
        for (JsonNode page : snapshot.path("components").path("org.keycloak.services.ui.extend.UiPageProvider")) {
            if (page.path("config") instanceof ObjectNode config && config.has(READINESS)) {
                config.set(READINESS, TextNode.valueOf("<as of the last save>"));
            }
        }
        // Keycloak's realm import stores "+" (the redirect URIs) for an OIDC client without post-logout redirect URIs,
        // its admin REST API stores nothing, which Keycloak treats alike (AdminPathIT#theAppsLogoutEndsAtTheIdpAndReturnsToTheApp)
        for (JsonNode client : snapshot.path("clients")) {
            if ("openid-connect".equals(client.path("protocol").asText()) && client.path("attributes") instanceof ObjectNode attributes
                    && !attributes.has(POST_LOGOUT_REDIRECT_URIS)) {
                attributes.put(POST_LOGOUT_REDIRECT_URIS, "+");
            }
        }
        for (JsonNode key : snapshot.path("components").path(KEY_PROVIDERS)) {
            JsonNode config = key.path("config");
            if (config instanceof ObjectNode object) {
                for (String field : GENERATED_KEY_CONFIG) {
                    if (object.has(field)) {
                        object.set(field, TextNode.valueOf("<generated>"));
                    }
                }
            }
        }
    }

    /** Each object's {@code id} gets the label of its alias, client id or name, so references compare by meaning. */
    private static void collectIdLabels(JsonNode node, Map<String, String> labels) {
        if (node.isObject()) {
            String id = node.path("id").asText(null);
            if (id != null && !labels.containsKey(id)) {
                label(node).ifPresent(label -> labels.put(id, "<id of " + label + ">"));
            }
            node.elements().forEachRemaining(child -> collectIdLabels(child, labels));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectIdLabels(child, labels));
        }
    }

    /** What names an object among its siblings, e.g. {@code alias=spid-test-idp}; components also by sub-type. */
    static Optional<String> label(JsonNode object) {
        for (String field : NAMING_FIELDS) {
            JsonNode value = object.get(field);
            if (value != null && value.isTextual()) {
                JsonNode subType = object.get("subType");
                return Optional.of(field + "=" + value.asText() + (subType != null && subType.isTextual() ? "/" + subType.asText() : ""));
            }
        }
        return Optional.empty();
    }

    private static JsonNode rewrite(JsonNode node, String realm, Map<String, String> labels) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, rewrite(object.get(name), realm, labels));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i), realm, labels));
            }
            return array;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(text(node.asText(), realm, labels));
        }
        return node;
    }

    private static String text(String value, String realm, Map<String, String> labels) {
        String label = labels.get(value);
        if (label != null) {
            return label;
        }
        return UUID.matcher(value.replace(realm, "${REALM}"))
                .replaceAll(id -> Matcher.quoteReplacement(labels.getOrDefault(id.group(), "<uuid>")));
    }
}
