package it.spidonly.keycloak.spid.firstlogin;

import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * A global event listener (every realm, nothing for an admin to enable): an error event in the request where a
 * first login created an account discards that account ({@link NewAccounts}). Keycloak's broker turns a failure
 * after the first-login flow (e.g. an IdP mapper that throws) into an error page without rolling back.
 */
public class FailedFirstLoginCleanup implements EventListenerProviderFactory {
    public static final String ID = "spid-failed-first-login-cleanup";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                if (event.getError() != null) {
                    NewAccounts.markFailed(session, event);
                }
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
