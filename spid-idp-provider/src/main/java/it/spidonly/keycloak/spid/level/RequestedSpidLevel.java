package it.spidonly.keycloak.spid.level;

import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The SPID level to ask for in one login: the highest of the SP default (or the IdP's override), the client's
 * minimum (client attribute {@value #CLIENT_MINIMUM_LEVEL}) and what the app asked for through {@code acr_values}
 * or the {@code claims} parameter, which Keycloak turns into a level with the realm's ACR-to-level map.
 */
public final class RequestedSpidLevel {
    public static final String CLIENT_MINIMUM_LEVEL = "spid.minimum.level";

    private RequestedSpidLevel() {
    }

    public static SpidLevel resolve(AuthenticationSessionModel authSession, SpidLevel base) {
        SpidLevel level = base;
        level = max(level, fromNumber(authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION)));
        ClientModel client = authSession.getClient();
        if (client != null) {
            level = max(level, SpidLevel.parse(client.getAttribute(CLIENT_MINIMUM_LEVEL)));
        }
        return level;
    }

    private static Optional<SpidLevel> fromNumber(String loa) {
        if (loa == null || loa.isBlank()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(loa.trim());
            return n <= 0 ? Optional.empty() : Optional.of(n >= 3 ? SpidLevel.L3 : n == 2 ? SpidLevel.L2 : SpidLevel.L1);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static SpidLevel max(SpidLevel current, Optional<SpidLevel> other) {
        return other.filter(o -> o.number() > current.number()).orElse(current);
    }
}
