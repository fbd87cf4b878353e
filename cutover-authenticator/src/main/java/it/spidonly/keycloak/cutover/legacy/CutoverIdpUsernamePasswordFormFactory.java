package it.spidonly.keycloak.cutover.legacy;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.broker.IdpUsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/** Takes over Keycloak's {@code idp-username-password-form} (same provider id), as {@link CutoverUsernamePasswordFormFactory}. */
public class CutoverIdpUsernamePasswordFormFactory extends IdpUsernamePasswordFormFactory {
    @Override
    public Authenticator create(KeycloakSession session) {
        return new CutoverIdpUsernamePasswordForm(session);
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " Refused from the realm's SPID-only cutover (spid-cutover).";
    }
}
