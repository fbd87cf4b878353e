package it.spidonly.keycloak.cutover.legacy;

import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.PasswordCredentialProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import it.spidonly.keycloak.cutover.settings.Cutovers;

/**
 * Keycloak's password credential with one rule added, in the one place every local password check goes through
 * ({@code user.credentialManager().isValid(...)}): from the realm's cutover instant no password is valid. This is
 * the backstop for authenticators this module does not take over (Keycloak's HTTP Basic authenticators, an
 * extension's own form): they see a wrong password. Everything else (storing, updating, hashing, metrics) is
 * Keycloak's own provider, to which validation is delegated before the instant.
 */
final class CutoverPasswordCredentialProvider extends PasswordCredentialProvider {
    private static final Logger LOG = Logger.getLogger(CutoverPasswordCredentialProvider.class);

    private final PasswordCredentialProvider keycloaks;

    CutoverPasswordCredentialProvider(KeycloakSession session, PasswordCredentialProvider keycloaks) {
        // metrics are counted by Keycloak's own instance, which does the validation
        super(session, null, false, false, false, false, false);
        this.keycloaks = keycloaks;
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (supportsCredentialType(input.getType()) && Cutovers.phase(realm).refusesLegacyCredentials()) {
            LOG.infof("SPID-only cutover: password check refused for user id %s in realm %s", user.getId(), realm.getName());
            return false;
        }
        return keycloaks.isValid(realm, user, input);
    }
}
