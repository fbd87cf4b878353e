package it.spidonly.keycloak.cutover.registration;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.forms.RegistrationPage;
import org.keycloak.forms.login.LoginFormsProvider;

import it.spidonly.keycloak.cutover.CutoverContract;
import it.spidonly.keycloak.cutover.legacy.LegacyCutover;

/**
 * Takes over Keycloak's {@code registration-page-form} (same provider id), the form of every registration flow.
 * Self-registration makes a password account and signs it in at once, so from the realm's cutover instant the page
 * is not drawn: Keycloak's error page with {@code cutoverRegistrationRefused}, HTTP 403, and a {@code REGISTER_ERROR}
 * event with error {@code cutover_refused}. A submitted form is refused by {@link CutoverRegistrationUserCreation}.
 */
public class CutoverRegistrationPage extends RegistrationPage {
    @Override
    public Response render(FormContext context, LoginFormsProvider form) {
        Optional<LegacyCutover> cutover = LegacyCutover.of(context.getSession(), context.getRealm()).filter(LegacyCutover::passed);
        if (cutover.isEmpty()) {
            return super.render(context, form);
        }
        if ("GET".equals(context.getHttpRequest().getHttpMethod())) {
            // a refused submission is recorded by the form action; the page shown to a visitor is recorded here
            cutover.get().recordRefusal(context.getEvent().clone(), CutoverContract.CREDENTIAL_PASSWORD, null);
        }
        return cutover.get().decorate(form)
                .setError(cutover.get().text(RegistrationRefusal.MSG_REGISTRATION_REFUSED), cutover.get().displayDate())
                .createErrorPage(Response.Status.FORBIDDEN);
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " Refused from the realm's SPID-only cutover (spid-cutover).";
    }
}
