package it.spidonly.keycloak.cutover.legacy;

import org.keycloak.credential.PasswordCredentialProvider;
import org.keycloak.credential.PasswordCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Takes over Keycloak's {@code keycloak-password} credential provider (same provider id; Keycloak prefers a
 * deployed factory to its own). Configuration and metrics stay Keycloak's: {@code init} is inherited.
 */
public class CutoverPasswordCredentialProviderFactory extends PasswordCredentialProviderFactory {
    @Override
    public PasswordCredentialProvider create(KeycloakSession session) {
        return new CutoverPasswordCredentialProvider(session, super.create(session));
    }
}
