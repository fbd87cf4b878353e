package it.spidonly.keycloak.helpdesk.admin;

import org.keycloak.events.admin.OperationType;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Every operator action as a Keycloak admin event (helpdesk.md, Audit): who (the event's auth realm, client, user
 * and IP), when (its time), what (operation, resource type {@code HELPDESK_RECORD}, path
 * {@code helpdesk/records/{id}[/action]}), reason and evidence reference (the {@link AuditEntry} representation,
 * stored when the realm keeps admin event details). Append-only, in Keycloak's event store.
 */
final class HelpdeskAudit {
    static final String RESOURCE_TYPE = "HELPDESK_RECORD";
    private final AdminEventBuilder events;

    HelpdeskAudit(AdminEventBuilder events) {
        this.events = events;
    }

    void record(OperationType operation, String path, AuditEntry entry) {
        events.operation(operation).resource(RESOURCE_TYPE).resourcePath(path).representation(entry).success();
    }
}
