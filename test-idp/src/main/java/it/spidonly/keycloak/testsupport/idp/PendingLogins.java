package it.spidonly.keycloak.testsupport.idp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AuthnRequests waiting for the user to log in, by the random reference the login form carries. In memory: the test
 * IdP is a test tool, not a Keycloak provider. The oldest entries go beyond {@value #MAX_PENDING}.
 */
final class PendingLogins {

    private static final int MAX_PENDING = 1000;

    private final Map<String, ReceivedAuthnRequest> byReference = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReceivedAuthnRequest> eldest) {
            return size() > MAX_PENDING;
        }
    };

    synchronized String add(ReceivedAuthnRequest request) {
        String reference = RandomIds.hex(16);
        byReference.put(reference, request);
        return reference;
    }

    synchronized ReceivedAuthnRequest get(String reference) {
        return reference == null ? null : byReference.get(reference);
    }

    /** Takes the request out (a login answers it once); null when it is unknown or already answered. */
    synchronized ReceivedAuthnRequest take(String reference) {
        return reference == null ? null : byReference.remove(reference);
    }
}
