package it.spidonly.keycloak.cutover.registration;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.ValidationContext;
import org.keycloak.authentication.forms.RegistrationPage;
import org.keycloak.authentication.forms.RegistrationUserCreation;
import org.keycloak.models.utils.FormMessage;

import it.spidonly.keycloak.cutover.CutoverContract;
import it.spidonly.keycloak.cutover.legacy.LegacyCutover;

/**
 * Takes over Keycloak's {@code registration-user-creation} (same provider id), the form action that creates the
 * account in every registration flow. From the cutover instant a submitted registration (a page loaded before the
 * instant, or a flow whose form is not {@link CutoverRegistrationPage}) fails validation, so no user is created:
 * {@code REGISTER_ERROR} event with error {@code cutover_refused}.
 */
public class CutoverRegistrationUserCreation extends RegistrationUserCreation {
    @Override
    public void validate(ValidationContext context) {
        Optional<LegacyCutover> cutover = LegacyCutover.of(context.getSession(), context.getRealm()).filter(LegacyCutover::passed);
        if (cutover.isEmpty()) {
            super.validate(context);
            return;
        }
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        context.excludeOtherErrors();
        cutover.get().refusalDetails(context.getEvent(), CutoverContract.CREDENTIAL_PASSWORD,
                formData.getFirst(RegistrationPage.FIELD_USERNAME));
        context.error(CutoverContract.EVENT_ERROR);
        context.validationError(formData, List.of(new FormMessage(null, cutover.get().text(RegistrationRefusal.MSG_REGISTRATION_REFUSED),
                cutover.get().displayDate())));
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " Refused from the realm's SPID-only cutover (spid-cutover).";
    }
}
