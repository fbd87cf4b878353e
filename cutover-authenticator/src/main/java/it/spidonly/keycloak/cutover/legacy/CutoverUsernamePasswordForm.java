package it.spidonly.keycloak.cutover.legacy;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AuthenticationManager;

import it.spidonly.keycloak.cutover.CutoverContract;

/**
 * Keycloak's username/password form, cutover-aware: its page carries the cutover attributes and the notice;
 * from the instant any submission is refused before the user is looked up or the password checked.
 */
final class CutoverUsernamePasswordForm extends UsernamePasswordForm {
    private final KeycloakSession session;

    CutoverUsernamePasswordForm(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        LegacyCutover.of(context).ifPresentOrElse(cutover -> cutover.announce(context.form()), () -> LegacyCutover.legacyAllowed(context.getSession(), context.getRealm(), context.form()));
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String username = context.getHttpRequest().getDecodedFormParameters().getFirst(AuthenticationManager.FORM_USERNAME);
        if (!LegacyCutover.refusedSubmission(context, CutoverContract.CREDENTIAL_PASSWORD, username, this::createLoginForm)) {
            super.action(context);
        }
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        LegacyCutover.of(session, session.getContext().getRealm()).ifPresentOrElse(cutover -> cutover.decorate(form), () -> LegacyCutover.legacyAllowed(session, session.getContext().getRealm(), form));
        return super.createLoginForm(form);
    }
}
