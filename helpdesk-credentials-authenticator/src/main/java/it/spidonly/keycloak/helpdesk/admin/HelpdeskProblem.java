package it.spidonly.keycloak.helpdesk.admin;

import java.util.List;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/**
 * A refused operator request: the HTTP status and every refusal. Thrown inside a request; {@link HelpdeskAdminResource}
 * rolls the transaction back (nothing half-created) and answers {@code {"error", "message", "problems"}}.
 */
final class HelpdeskProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient List<Refusal> refusals;

    HelpdeskProblem(int status, List<Refusal> refusals) {
        super(refusals.get(0).key(), null, false, false);
        this.status = status;
        this.refusals = List.copyOf(refusals);
    }

    HelpdeskProblem(int status, String key, String... params) {
        this(status, List.of(Refusal.of(key, params)));
    }
}
