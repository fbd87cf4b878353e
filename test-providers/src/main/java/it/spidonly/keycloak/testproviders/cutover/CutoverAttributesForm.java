package it.spidonly.keycloak.testproviders.cutover;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's username/password form that also puts the configured cutover attributes on its page. The attributes
 * go on the request's login forms provider (one per Keycloak session) before the parent renders any page.
 */
final class CutoverAttributesForm extends UsernamePasswordForm {

    CutoverAttributesForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        putAttributes(context);
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        putAttributes(context);
        super.action(context);
    }

    private static void putAttributes(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        CutoverAttributes.from(config == null ? null : config.getConfig()).forEach(context.form()::setAttribute);
    }
}
