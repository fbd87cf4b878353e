package it.spidonly.keycloak.cutover.session;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.timer.TimerProvider;

/**
 * Schedules {@link LegacySessionEnd} on this node once Keycloak has started. Option
 * {@code --spi-ui-page--spid-cutover--session-end-tick-seconds} (default 30): how soon after the instant the
 * legacy sessions end.
 */
public final class LegacySessionEndSchedule {
    static final String TASK = "spid-cutover-legacy-session-end";
    private static final int DEFAULT_TICK_SECONDS = 30;

    private final int tickSeconds;

    private LegacySessionEndSchedule(int tickSeconds) {
        this.tickSeconds = tickSeconds;
    }

    public static LegacySessionEndSchedule of(Config.Scope config) {
        int tick = config == null ? DEFAULT_TICK_SECONDS : config.getInt("sessionEndTickSeconds", DEFAULT_TICK_SECONDS);
        return new LegacySessionEndSchedule(Math.max(1, tick));
    }

    public void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(new LegacySessionEnd(), tickSeconds * 1000L, TASK));
            }
        });
    }
}
