package it.spidonly.keycloak.helpdesk.login;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Required action {@code helpdesk-set-password} (enable it in the realm's required actions). */
public class HelpdeskSetPasswordFactory implements RequiredActionFactory {
    public static final String ID = "helpdesk-set-password";

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new HelpdeskSetPassword();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Set help-desk password";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
