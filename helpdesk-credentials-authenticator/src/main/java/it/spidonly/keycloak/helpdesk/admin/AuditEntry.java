package it.spidonly.keycloak.helpdesk.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The representation of every help-desk admin event (who and when are the event's own auth details and time):
 * what was done to which record, the reason and the evidence reference. Never a document number or a code.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuditEntry {
    public String action;
    public String recordId;
    public String username;
    public String state;
    public String reason;
    public String evidenceRef;
    public String credentialExpiresAt;

    static AuditEntry of(String action, String recordId, String username, String state) {
        AuditEntry e = new AuditEntry();
        e.action = action;
        e.recordId = recordId;
        e.username = username;
        e.state = state;
        return e;
    }
}
