package it.spidonly.keycloak.cutover.inps;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** "INPS PIN" for direct-grant flows, bound as the direct-grant flow override of the apps that used it. */
public class InpsPinDirectGrantFactory extends InpsPinAuthenticatorFactory {
    public static final String PROVIDER_ID = "spid-inps-pin-direct-grant";
    private static final InpsPinDirectGrant SINGLETON = new InpsPinDirectGrant();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "INPS PIN (password grant)";
    }

    @Override
    public String getHelpText() {
        return "Password grant with username = fiscal code and password = INPS PIN, verified by the configured INPS endpoint. Refused from the realm's SPID-only cutover (spid-cutover).";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
