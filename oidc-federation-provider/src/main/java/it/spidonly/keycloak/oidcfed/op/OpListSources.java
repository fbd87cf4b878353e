package it.spidonly.keycloak.oidcfed.op;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The OP list sources a realm refreshed by hand, kept as a realm attribute (database, cluster-wide, exported with the
 * realm) so the scheduled refresh ({@link OpListScheduler}) repeats them.
 */
final class OpListSources {
    static final String ATTRIBUTE = "oidcfed.op-list-sources";

    private OpListSources() {
    }

    static List<OpListSource> of(RealmModel realm) {
        String json = realm.getAttribute(ATTRIBUTE);
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JsonSerialization.readValue(json, new TypeReference<List<OpListSource>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }

    static void remember(RealmModel realm, OpListSource source) throws IOException {
        List<OpListSource> sources = new ArrayList<>(of(realm));
        sources.removeIf(s -> s.trustAnchor().equals(source.trustAnchor()) && s.providerId().equals(source.providerId()));
        sources.add(source);
        realm.setAttribute(ATTRIBUTE, JsonSerialization.writeValueAsString(sources));
    }
}
