package it.spidonly.keycloak.spid.level;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Takes over Keycloak's {@code auth-cookie} (same provider id: Keycloak prefers a deployed factory to its own), so
 * every browser flow, built-in or an admin's copy, reuses a SPID session at its level. See
 * {@link SpidLevelCookieAuthenticator}.
 */
public class SpidLevelCookieAuthenticatorFactory extends CookieAuthenticatorFactory {
    private static final SpidLevelCookieAuthenticator SINGLETON = new SpidLevelCookieAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " A session opened by a SPID login is reused at its SPID level (acr).";
    }
}
