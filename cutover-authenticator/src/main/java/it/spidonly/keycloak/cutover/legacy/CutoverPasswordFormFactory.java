package it.spidonly.keycloak.cutover.legacy;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.PasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/** Takes over Keycloak's {@code auth-password-form} (same provider id), as {@link CutoverUsernamePasswordFormFactory}. */
public class CutoverPasswordFormFactory extends PasswordFormFactory {
    @Override
    public Authenticator create(KeycloakSession session) {
        return new CutoverPasswordForm(session);
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " Refused from the realm's SPID-only cutover (spid-cutover).";
    }
}
