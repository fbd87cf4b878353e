package it.spidonly.keycloak.cutover.session;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.cutover.settings.CutoverSettings;

/**
 * "The legacy sessions were ended for this instant", kept in the realm's cutover component (key
 * {@value #KEY}, the ISO instant), so it is done once per instant, cluster-wide and across restarts. Moving the
 * instant makes it due again at the new instant (harmless: no legacy session can be opened after an instant).
 */
public final class LegacySessionsEnded {
    public static final String KEY = "legacySessionsEndedFor";

    private LegacySessionsEnded() {
    }

    static boolean at(ComponentModel component, CutoverSettings settings) {
        return settings.isoInstant().equals(component.get(KEY));
    }

    static void record(RealmModel realm, ComponentModel component, CutoverSettings settings) {
        ComponentModel updated = new ComponentModel(component);
        updated.getConfig().putSingle(KEY, settings.isoInstant());
        realm.updateComponent(updated);
    }

    static String claimKey(String realmId, CutoverSettings settings) {
        return "spid-cutover-legacy-sessions:" + realmId + ":" + settings.instant().getEpochSecond();
    }
}
