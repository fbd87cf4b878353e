package it.spidonly.keycloak.spid.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.RealmSettingsPage;

/**
 * The realm's SPID registry, as an admin-console page ({@code spid-registry}): where AgID's registry is read and
 * how it is trusted, how often it is refreshed, and the status of the last refresh (read-only, written by the
 * server). Saving with "refresh now" on verifies and imports the registry in the same save; a refused registry
 * refuses the save with the reason, so nothing changes. On start each node schedules {@link RegistryScheduler}.
 */
public class RegistryPage extends RealmSettingsPage {
    public static final String PROVIDER_ID = "spid-registry";
    static final String SCHEDULER_TASK = "spid-registry-refresh";
    private static final String SERVER_WRITE = "statusServerWrite";

    private RegistryOptions options = RegistryOptions.from(null);
    /** Marks the server's own status writes within this node; an admin's save can never carry it. */
    private final String serverWrite = UUID.randomUUID().toString();

    public RegistryPage() {
        super(PROVIDER_ID,
                "AgID's registry of SPID identity providers: verified, imported as the realm's SPID IdPs and kept fresh.",
                RegistrySettingsProperties.build(),
                List.of(RegistrySettings.SOURCE, RegistryStatus.LAST_ATTEMPT, RegistryStatus.RESULT));
    }

    RegistryOptions options() {
        return options;
    }

    @Override
    public void init(Config.Scope config) {
        options = RegistryOptions.from(config);
    }

    @Override
    protected List<Problem> problems(KeycloakSession session, RealmModel realm, ComponentModel model) {
        List<Problem> problems = new ArrayList<>(RegistrySettingsValidator.problems(RegistrySettings.of(model.getConfig()), options));
        if (RegistryComponents.of(realm).filter(c -> !c.getId().equals(model.getId())).isPresent()) {
            problems.add(Problem.of("spidRegistryAlreadyExists"));
        }
        return problems;
    }

    /** Stores a refresh's status in the realm's registry settings (the server's write, which {@link #beforeSave} keeps). */
    void saveStatus(RealmModel realm, ComponentModel component, RegistryStatus status) {
        ComponentModel copy = new ComponentModel(component);
        status.writeTo(copy.getConfig());
        copy.getConfig().putSingle(SERVER_WRITE, serverWrite);
        realm.updateComponent(copy);
    }

    /**
     * The status fields are the server's: a save from the console or the component API keeps the stored status
     * whatever the form sent; only {@link #saveStatus} and "refresh now" change it.
     */
    @Override
    protected void beforeSave(KeycloakSession session, RealmModel realm, ComponentModel model) {
        boolean ours = serverWrite.equals(model.getConfig().getFirst(SERVER_WRITE));
        model.getConfig().remove(SERVER_WRITE);
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        RegistryStatus status = ours ? RegistryStatus.of(model.getConfig())
                : stored == null ? RegistryStatus.NONE : RegistryStatus.of(stored.getConfig());
        if ("true".equals(model.getConfig().getFirst(RegistrySettings.REFRESH_NOW))) {
            model.getConfig().putSingle(RegistrySettings.REFRESH_NOW, "false");
            RegistrySlot.claim(session, realm.getId(), RegistrySettings.of(model.getConfig()), Clock.systemUTC().instant());
            RegistryRefresh.Outcome outcome = RegistryRefresh.run(session, realm, RegistrySettings.of(model.getConfig()),
                    status, AdminTrigger.of(session), options, Clock.systemUTC());
            if (!outcome.succeeded()) {
                throw new ComponentValidationException(outcome.refusal().reason());
            }
            status = outcome.status();
        }
        status.writeTo(model.getConfig());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(new RegistryScheduler(this), options.tickSeconds() * 1000L, SCHEDULER_TASK));
            }
        });
    }
}
