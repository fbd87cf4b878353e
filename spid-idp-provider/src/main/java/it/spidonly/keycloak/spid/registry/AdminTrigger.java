package it.spidonly.keycloak.spid.registry;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** Who asked for a refresh, as the status shows it: {@code admin <username>}, or {@code admin} if unknown. */
final class AdminTrigger {
    private AdminTrigger() {
    }

    static String of(KeycloakSession session) {
        return of(session.getContext().getUser());
    }

    static String of(UserModel user) {
        return user == null ? "admin" : "admin " + user.getUsername();
    }
}
