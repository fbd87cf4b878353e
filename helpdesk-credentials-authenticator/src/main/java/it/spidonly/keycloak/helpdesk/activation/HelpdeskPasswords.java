package it.spidonly.keycloak.helpdesk.activation;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import it.spidonly.keycloak.cutover.CutoverContract;

/**
 * The help-desk user's password, stored as its own credential type {@code helpdesk-password}
 * ({@link CutoverContract#CREDENTIAL_HELPDESK}), hashed with the realm's password hash provider (Keycloak's
 * default PBKDF2 unless the policy names another). Not Keycloak's {@code password} type: the SPID-only cutover
 * refuses that one, and a legacy password must never open this path.
 */
public final class HelpdeskPasswords {
    public static final String TYPE = CutoverContract.CREDENTIAL_HELPDESK;

    private HelpdeskPasswords() {
    }

    public static void set(KeycloakSession session, RealmModel realm, UserModel user, String password) {
        remove(user);
        PasswordHashProvider hash = hashProvider(session, realm);
        PasswordCredentialModel model = hash.encodedCredential(password, realm.getPasswordPolicy().getHashIterations());
        model.setType(TYPE);
        model.setUserLabel("Help-desk password");
        model.setCreatedDate(System.currentTimeMillis());
        user.credentialManager().createStoredCredential(model);
    }

    public static boolean exists(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).findAny().isPresent();
    }

    public static boolean verify(KeycloakSession session, RealmModel realm, UserModel user, String password) {
        CredentialModel stored = user.credentialManager().getStoredCredentialsByTypeStream(TYPE).findFirst().orElse(null);
        if (stored == null || password == null || password.isEmpty()) {
            return false;
        }
        PasswordCredentialModel model = PasswordCredentialModel.createFromCredentialModel(stored);
        PasswordHashProvider hash = session.getProvider(PasswordHashProvider.class, model.getPasswordCredentialData().getAlgorithm());
        return hash != null && hash.verify(password, model);
    }

    public static void remove(UserModel user) {
        user.credentialManager().getStoredCredentialsByTypeStream(TYPE).map(CredentialModel::getId).toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }

    private static PasswordHashProvider hashProvider(KeycloakSession session, RealmModel realm) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        String algorithm = policy.getHashAlgorithm();
        PasswordHashProvider provider = algorithm == null ? session.getProvider(PasswordHashProvider.class)
                : session.getProvider(PasswordHashProvider.class, algorithm);
        if (provider == null) {
            throw new IllegalStateException("No password hash provider " + algorithm);
        }
        return provider;
    }
}
