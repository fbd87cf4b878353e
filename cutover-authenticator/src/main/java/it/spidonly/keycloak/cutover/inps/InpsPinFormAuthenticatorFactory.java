package it.spidonly.keycloak.cutover.inps;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** "INPS PIN" for browser flows: usually an alternative beside the username/password form. */
public class InpsPinFormAuthenticatorFactory extends InpsPinAuthenticatorFactory {
    public static final String PROVIDER_ID = "spid-inps-pin-form";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "INPS PIN form";
    }

    @Override
    public String getHelpText() {
        return "Fiscal code and INPS PIN, verified by the INPS endpoint of this execution's configuration. Refused from the realm's SPID-only cutover (spid-cutover).";
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new InpsPinFormAuthenticator();
    }
}
