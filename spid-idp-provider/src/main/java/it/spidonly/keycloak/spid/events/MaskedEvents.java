package it.spidonly.keycloak.spid.events;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;

/**
 * Copies of Keycloak's events with every fiscal code masked ({@link FiscalCodeMask}) in the texts a logger writes:
 * detail values (username, identity provider user id, redirect URIs...), error, and for admin events the resource
 * path and the representation. The originals, which Keycloak stores, are not changed.
 */
final class MaskedEvents {
    private MaskedEvents() {
    }

    static Event of(Event event) {
        Event copy = event.clone();
        copy.setError(FiscalCodeMask.in(event.getError()));
        copy.setDetails(masked(event.getDetails()));
        return copy;
    }

    static AdminEvent of(AdminEvent event) {
        AdminEvent copy = new AdminEvent();
        copy.setId(event.getId());
        copy.setTime(event.getTime());
        copy.setRealmId(event.getRealmId());
        copy.setRealmName(event.getRealmName());
        copy.setAuthDetails(event.getAuthDetails());
        copy.setOperationType(event.getOperationType());
        copy.setResourceTypeAsString(event.getResourceTypeAsString());
        copy.setResourcePath(FiscalCodeMask.in(event.getResourcePath()));
        copy.setRepresentation(FiscalCodeMask.in(event.getRepresentation()));
        copy.setError(FiscalCodeMask.in(event.getError()));
        copy.setDetails(masked(event.getDetails()));
        return copy;
    }

    private static Map<String, String> masked(Map<String, String> details) {
        if (details == null) {
            return null;
        }
        Map<String, String> copy = new LinkedHashMap<>();
        details.forEach((key, value) -> copy.put(key, FiscalCodeMask.in(value)));
        return copy;
    }
}
