package it.spidonly.keycloak.helpdesk.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.helpdesk.lifecycle.ValidityCap;
import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.RealmSettingsPage;

/**
 * The help desk's settings as an admin-console page (realm sidebar, {@code spid-helpdesk}; issue 15: the help desk
 * is set up from the console alone), stored as a realm component. Saving writes the realm attributes the login
 * theme and the module read ({@link RealmAttributes}), so a realm set up by hand, by REST or from an import
 * behaves the same. Refused with a localised message: an unreadable validity, a link entry without a safe
 * address, a second page, the master realm.
 */
public class HelpdeskSettingsPage extends RealmSettingsPage {
    public static final String PROVIDER_ID = "spid-helpdesk";

    public HelpdeskSettingsPage() {
        super(PROVIDER_ID,
                "Help desk for users of states outside eIDAS: the entry on the login page, how long credentials and activation codes last.",
                HelpdeskSettingsProperties.build(),
                List.of(HelpdeskSettingsProperties.LOGIN_ENTRY, HelpdeskSettingsProperties.CREDENTIAL_MAX_VALIDITY));
    }

    @Override
    protected List<Problem> problems(KeycloakSession session, RealmModel realm, ComponentModel model) {
        List<Problem> problems = new ArrayList<>();
        if (Config.getAdminRealm().equals(realm.getName())) {
            problems.add(Problem.of("helpdeskSettingsNotInAdminRealm"));
        }
        if (realm.getComponentsStream()
                .anyMatch(c -> PROVIDER_ID.equals(c.getProviderId()) && !c.getId().equals(model.getId()))) {
            problems.add(Problem.of("helpdeskSettingsAlreadyExists"));
        }
        String entry = RealmAttributes.entry(model);
        if (entry == null) {
            problems.add(Problem.of("helpdeskSettingsBadEntryUrl"));
        }
        String cap = value(model, HelpdeskSettingsProperties.CREDENTIAL_MAX_VALIDITY, "P2Y");
        if (ValidityCap.parse(cap).isEmpty()) {
            problems.add(Problem.of("helpdeskSettingsBadValidity", cap));
        }
        String activation = value(model, HelpdeskSettingsProperties.ACTIVATION_VALIDITY, "PT24H");
        if (!positiveDuration(activation)) {
            problems.add(Problem.of("helpdeskSettingsBadValidity", activation));
        }
        return problems;
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        RealmAttributes.write(realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        RealmAttributes.write(realm, newModel);
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        RealmAttributes.clearEntry(realm);
    }

    static String value(ComponentModel model, String key, String fallback) {
        String v = model.get(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static boolean positiveDuration(String value) {
        try {
            Duration d = Duration.parse(value);
            return !d.isNegative() && !d.isZero();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
