package it.spidonly.keycloak.oidcfed.login;

import java.util.HashMap;
import java.util.Map;

/**
 * What the authorization request leaves for the callback, kept in Keycloak's single-use store under the random
 * {@code state} (cluster-wide; removed when the answer arrives, so a replayed answer finds nothing): Keycloak's own
 * broker state, the nonce, the PKCE verifier, the level asked for, the OP, the IdP alias and the redirect URI.
 */
public record PendingLogin(String brokerState, String nonce, String codeVerifier, int requestedLevel, String opEntityId,
                           String idpAlias, String redirectUri) {
    private static final String KEY = "oidcfed.pending.";

    public static String key(String state) {
        return KEY + state;
    }

    public Map<String, String> toNotes() {
        Map<String, String> m = new HashMap<>();
        m.put("brokerState", brokerState);
        m.put("nonce", nonce);
        m.put("codeVerifier", codeVerifier);
        m.put("level", String.valueOf(requestedLevel));
        m.put("op", opEntityId);
        m.put("alias", idpAlias);
        m.put("redirectUri", redirectUri);
        return m;
    }

    public static PendingLogin fromNotes(Map<String, String> m) {
        if (m == null || m.get("brokerState") == null || m.get("nonce") == null) {
            return null;
        }
        return new PendingLogin(m.get("brokerState"), m.get("nonce"), m.get("codeVerifier"),
                Integer.parseInt(m.getOrDefault("level", "2")), m.get("op"), m.get("alias"), m.get("redirectUri"));
    }
}
