package it.spidonly.keycloak.spid.registry;

import static org.keycloak.provider.ProviderConfigProperty.BOOLEAN_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.STRING_TYPE;
import static org.keycloak.provider.ProviderConfigProperty.TEXT_TYPE;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The form of the {@code spid-registry} page: the settings an admin edits, the "refresh now" switch, then the
 * status of the last refresh, which only the server writes (read-only in the console).
 */
final class RegistrySettingsProperties {
    private RegistrySettingsProperties() {
    }

    static List<ProviderConfigProperty> build() {
        ProviderConfigurationBuilder b = ProviderConfigurationBuilder.create();
        b.property().name(RegistrySettings.SOURCE).label("Registry source").type(STRING_TYPE).defaultValue(RegistrySettings.BUNDLED)
                .helpText("Where AgID's signed registry of SPID IdPs is read: '" + RegistrySettings.BUNDLED
                        + "' (the copy shipped in the bundle), an https URL (AgID publishes it at " + RegistrySettings.AGID_URL
                        + "), or file:NAME, a file in the server's registry directory.").add();
        b.property().name(RegistrySettings.CERTIFICATE).label("Registry certificate (PEM)").type(TEXT_TYPE)
                .helpText("The certificate(s) that must have signed the registry, PEM. Empty: AgID's registry certificate "
                        + "shipped in the bundle. Give two during a key rollover.").add();
        b.property().name(RegistrySettings.TRUSTED_LOCAL_FILE).label("Trust this local file without a signature").type(BOOLEAN_TYPE)
                .defaultValue("false").helpText("Only for file: sources, e.g. a registry of test IdPs: its signature and validUntil are not checked.").add();
        b.property().name(RegistrySettings.INTERVAL_MINUTES).label("Refresh every (minutes)").type(STRING_TYPE)
                .defaultValue(String.valueOf(RegistrySettings.DEFAULT_INTERVAL_MINUTES))
                .helpText("The scheduled refresh runs on one node of the cluster per interval (360 = every 6 hours, at 00, 06, 12, 18 UTC). 0: only on demand.").add();
        b.property().name(RegistrySettings.REFRESH_NOW).label("Refresh now when saving").type(BOOLEAN_TYPE).defaultValue("false")
                .helpText("Save with this on to read and verify the registry now; a refused registry is shown and nothing is changed.").add();
        status(b, RegistryStatus.LAST_ATTEMPT, "Last refresh", "When the registry was last read (UTC).");
        status(b, RegistryStatus.TRIGGER, "Last refresh by", "'scheduled', or the admin who asked for it.");
        status(b, RegistryStatus.RESULT, "Last result", "'ok', or why the registry was refused (the realm then keeps its IdPs).");
        status(b, RegistryStatus.MESSAGE, "Last result, in words", "What the last refresh did or why it was refused.");
        status(b, RegistryStatus.MESSAGE_IT, "Last result, in words (Italiano)", "Esito dell'ultimo aggiornamento, in italiano.");
        status(b, RegistryStatus.ADDED, "IdPs added", "Aliases of the SPID IdPs the last refresh created.");
        status(b, RegistryStatus.UPDATED, "IdPs updated", "Aliases of the SPID IdPs whose endpoints and certificates it refreshed.");
        status(b, RegistryStatus.DISABLED, "IdPs disabled", "Aliases of the SPID IdPs it disabled because they left the registry.");
        status(b, RegistryStatus.LAST_SUCCESS, "Last good refresh", "The state of the realm's SPID IdPs is from this refresh.");
        status(b, RegistryStatus.NEXT_RUN, "Next scheduled refresh", "UTC; empty when the scheduled refresh is off.");
        List<ProviderConfigProperty> properties = b.build();
        properties.stream().filter(p -> RegistryStatus.KEYS.contains(p.getName())).forEach(p -> p.setReadOnly(true));
        return properties;
    }

    /**
     * Keycloak 26.7's admin console shows every field as an editable box, whatever {@code readOnly} says: the label says
     * the field is the server's, and {@link RegistryPage#beforeSave} discards whatever a save sends in it.
     */
    private static void status(ProviderConfigurationBuilder b, String name, String label, String help) {
        b.property().name(name).label("Status (read-only): " + label).type(STRING_TYPE)
                .helpText(help + " Written by the server: anything typed here is discarded on save.").add();
    }
}
