package it.spidonly.keycloak.cutover.legacy;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.PasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

import it.spidonly.keycloak.cutover.CutoverContract;

/**
 * Keycloak's password form (the user is already known, e.g. after a username form), cutover-aware like
 * {@link CutoverUsernamePasswordForm}.
 */
final class CutoverPasswordForm extends PasswordForm {
    private final KeycloakSession session;

    CutoverPasswordForm(KeycloakSession session) {
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
        String username = context.getUser() == null ? null : context.getUser().getUsername();
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
