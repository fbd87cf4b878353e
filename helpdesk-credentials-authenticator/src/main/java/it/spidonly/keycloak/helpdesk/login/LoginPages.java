package it.spidonly.keycloak.helpdesk.login;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.services.messages.Messages;

import it.spidonly.keycloak.cutover.legacy.LegacyCutover;

/**
 * The help-desk form's login page (Keycloak's username/password page). It is also the realm's legacy login page
 * until the SPID-only cutover, so it carries the cutover's attributes ({@code cutoverInstant}, {@code cutoverDate},
 * {@code cutoverPassed}: the theme shows the notice before the instant and the help-desk entry after it), like the
 * cutover's own password forms.
 */
final class LoginPages {
    private LoginPages() {
    }

    /** The page before anything is submitted: with the cutover's notice (before) or explanation (after). */
    static Response first(AuthenticationFlowContext context) {
        LoginFormsProvider form = context.form();
        LegacyCutover.of(context).ifPresentOrElse(cutover -> cutover.announce(form),
                () -> LegacyCutover.legacyAllowed(context.getSession(), context.getRealm(), form));
        return form.createLoginUsernamePassword();
    }

    /** The one answer to an unknown user, a wrong secret and a lockout alike: "invalid username or password". */
    static Response invalid(AuthenticationFlowContext context) {
        return withCutover(context, context.form()).setError(Messages.INVALID_USER).createLoginUsernamePassword();
    }

    /** The page again (any error set by the caller), with the cutover's attributes. */
    static Response again(AuthenticationFlowContext context, LoginFormsProvider form) {
        return withCutover(context, form).createLoginUsernamePassword();
    }

    private static LoginFormsProvider withCutover(AuthenticationFlowContext context, LoginFormsProvider form) {
        LegacyCutover.of(context).ifPresentOrElse(cutover -> cutover.decorate(form),
                () -> LegacyCutover.legacyAllowed(context.getSession(), context.getRealm(), form));
        return form;
    }
}
