package it.spidonly.keycloak.helpdesk.activation;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * The activation code as a Keycloak credential of type {@code helpdesk-activation} (database, cluster-wide):
 * secret data {@code {"hash", "salt"}}, credential data {@code {"expiresAt"}} (epoch ms). One per user: issuing a
 * new one removes the old (reissue invalidates), a successful use removes it (single use).
 */
public final class ActivationCredentials {
    public static final String TYPE = "helpdesk-activation";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ActivationCredentials() {
    }

    /** Replaces any earlier code of {@code user} and returns the new code in clear, for the e-mail only. */
    public static String issue(UserModel user, Instant now, Duration validity) {
        remove(user);
        String code = ActivationCode.generate(RANDOM);
        byte[] salt = ActivationCode.newSalt(RANDOM);
        CredentialModel model = new CredentialModel();
        model.setType(TYPE);
        model.setUserLabel("Help-desk activation code");
        model.setCreatedDate(now.toEpochMilli());
        try {
            model.setSecretData(JsonSerialization.writeValueAsString(Map.of(
                    "hash", ActivationCode.hash(code, salt), "salt", Base64.getEncoder().encodeToString(salt))));
            model.setCredentialData(JsonSerialization.writeValueAsString(Map.of("expiresAt", now.plus(validity).toEpochMilli())));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot write the activation credential", e);
        }
        user.credentialManager().createStoredCredential(model);
        return code;
    }

    public static void remove(UserModel user) {
        List<String> ids = user.credentialManager().getStoredCredentialsByTypeStream(TYPE).map(CredentialModel::getId).toList();
        ids.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }

    public static boolean exists(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).findAny().isPresent();
    }

    /** The outcome of a typed code against the stored one. */
    public enum Check { VALID, WRONG, EXPIRED, NONE }

    public static Check check(UserModel user, String typed, Instant now) {
        CredentialModel stored = user.credentialManager().getStoredCredentialsByTypeStream(TYPE).findFirst().orElse(null);
        if (stored == null) {
            return Check.NONE;
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> secret = JsonSerialization.readValue(stored.getSecretData(), Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = JsonSerialization.readValue(stored.getCredentialData(), Map.class);
            if (!ActivationCode.matches(typed, Base64.getDecoder().decode(secret.get("salt")), secret.get("hash"))) {
                return Check.WRONG;
            }
            long expiresAt = ((Number) data.get("expiresAt")).longValue();
            return now.toEpochMilli() >= expiresAt ? Check.EXPIRED : Check.VALID;
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("Unreadable activation credential " + stored.getId(), e);
        }
    }
}
