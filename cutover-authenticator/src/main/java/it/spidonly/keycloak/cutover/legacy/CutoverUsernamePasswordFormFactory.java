package it.spidonly.keycloak.cutover.legacy;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Takes over Keycloak's {@code auth-username-password-form} (same provider id: Keycloak prefers a deployed
 * factory to its own), so every flow that binds it, built-in or made by an admin, honours the realm's cutover.
 */
public class CutoverUsernamePasswordFormFactory extends UsernamePasswordFormFactory {
    @Override
    public Authenticator create(KeycloakSession session) {
        return new CutoverUsernamePasswordForm(session);
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " Refused from the realm's SPID-only cutover (spid-cutover).";
    }
}
