package it.spidonly.keycloak.spid.events;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;

/** Keycloak's logging event listener, given copies of the events with fiscal codes masked ({@link MaskedEvents}). */
final class MaskingLoggingEventListener implements EventListenerProvider {
    private final EventListenerProvider keycloaks;

    MaskingLoggingEventListener(EventListenerProvider keycloaks) {
        this.keycloaks = keycloaks;
    }

    @Override
    public void onEvent(Event event) {
        keycloaks.onEvent(MaskedEvents.of(event));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        keycloaks.onEvent(MaskedEvents.of(event), includeRepresentation);
    }

    @Override
    public void close() {
        keycloaks.close();
    }
}
