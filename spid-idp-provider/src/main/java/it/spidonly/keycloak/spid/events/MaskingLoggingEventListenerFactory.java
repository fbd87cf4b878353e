package it.spidonly.keycloak.spid.events;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.log.JBossLoggingEventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Takes over Keycloak's {@code jboss-logging} event listener (same provider id; Keycloak prefers a deployed factory
 * to its own, and {@link #order()} says so again), so every realm that logs events, the default, logs them with
 * fiscal codes masked, with nothing for an admin to change. Its options ({@code --spi-events-listener--jboss-logging--*}:
 * levels, quotes, sanitize, include representation) are Keycloak's, read by the inherited {@code init}.
 */
public class MaskingLoggingEventListenerFactory extends JBossLoggingEventListenerProviderFactory {
    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new MaskingLoggingEventListener(super.create(session));
    }

    @Override
    public int order() {
        return 100;
    }
}
