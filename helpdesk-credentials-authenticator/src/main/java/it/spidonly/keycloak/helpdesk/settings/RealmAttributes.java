package it.spidonly.keycloak.helpdesk.settings;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.helpdesk.HelpdeskSettings;
import it.spidonly.keycloak.helpdesk.lifecycle.ValidityCap;

/**
 * The realm attributes the settings page writes: {@code spidOnly.helpdeskEntry} (read by the {@code spid-only} login
 * theme: {@code form}, an address, or absent), {@code helpdesk.credentialMaxValidity} and
 * {@code helpdesk.activationValidity} (read by {@link HelpdeskSettings}).
 */
final class RealmAttributes {
    static final String ENTRY = "spidOnly.helpdeskEntry";

    private RealmAttributes() {
    }

    /** The entry attribute's value for these settings: "form", an address, "" for none; null when a link is unsafe. */
    static String entry(ComponentModel model) {
        String kind = HelpdeskSettingsPage.value(model, HelpdeskSettingsProperties.LOGIN_ENTRY, HelpdeskSettingsProperties.ENTRY_FORM);
        switch (kind) {
            case HelpdeskSettingsProperties.ENTRY_FORM:
                return "form";
            case HelpdeskSettingsProperties.ENTRY_NONE:
                return "";
            case HelpdeskSettingsProperties.ENTRY_LINK:
                String url = HelpdeskSettingsPage.value(model, HelpdeskSettingsProperties.ENTRY_URL, "");
                boolean safe = url.startsWith("https://") || (url.startsWith("/") && !url.startsWith("//"));
                return safe && url.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '<' || c == '>') ? url : null;
            default:
                return null;
        }
    }

    static void write(RealmModel realm, ComponentModel model) {
        String entry = entry(model);
        if (entry == null || entry.isEmpty()) {
            realm.removeAttribute(ENTRY);
        } else {
            realm.setAttribute(ENTRY, entry);
        }
        realm.setAttribute(ValidityCap.REALM_ATTRIBUTE, HelpdeskSettingsPage.value(model, HelpdeskSettingsProperties.CREDENTIAL_MAX_VALIDITY, "P2Y"));
        realm.setAttribute(HelpdeskSettings.ACTIVATION_VALIDITY, HelpdeskSettingsPage.value(model, HelpdeskSettingsProperties.ACTIVATION_VALIDITY, "PT24H"));
    }

    static void clearEntry(RealmModel realm) {
        realm.removeAttribute(ENTRY);
    }
}
