package it.spidonly.keycloak.cutover.settings;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

import it.spidonly.keycloak.cutover.session.LegacySessionEndSchedule;
import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.RealmSettingsPage;

/**
 * The realm's SPID-only cutover as an admin-console page (realm sidebar, {@code spid-cutover}), stored as a
 * realm component like the SPID service provider page. Saving runs {@link #validateConfiguration}: a clear,
 * localised refusal for a date or time zone that cannot be read, a second cutover, or a cutover in the master realm.
 */
public class CutoverPage extends RealmSettingsPage {
    public static final String PROVIDER_ID = "spid-cutover";

    public CutoverPage() {
        super(PROVIDER_ID,
                "SPID-only cutover: from this date and time legacy username/password and INPS PIN logins are refused on every path; before it their pages announce the date.",
                CutoverProperties.build(),
                List.of(CutoverProperties.LOCAL_DATE_TIME, CutoverProperties.TIME_ZONE, CutoverProperties.ENABLED));
    }

    @Override
    protected List<Problem> problems(KeycloakSession session, RealmModel realm, ComponentModel model) {
        List<Problem> problems = new ArrayList<>();
        if (Cutovers.isAdminRealm(realm)) {
            problems.add(Problem.of("cutoverNotInAdminRealm"));
        }
        if (Cutovers.components(realm).anyMatch(c -> !c.getId().equals(model.getId()))) {
            problems.add(Problem.of("cutoverAlreadyExists"));
        }
        problems.addAll(new CutoverConfig(model.getConfig()).problems());
        return problems;
    }

    private LegacySessionEndSchedule sessionEnd = LegacySessionEndSchedule.of(null);

    @Override
    public void init(Config.Scope config) {
        sessionEnd = LegacySessionEndSchedule.of(config);
    }

    /** Every node looks for realms whose instant has passed, to end their legacy sessions once. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sessionEnd.register(factory);
    }
}
