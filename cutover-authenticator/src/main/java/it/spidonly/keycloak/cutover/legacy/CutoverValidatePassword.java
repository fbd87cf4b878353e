package it.spidonly.keycloak.cutover.legacy;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.directgrant.ValidatePassword;

import it.spidonly.keycloak.cutover.CutoverContract;

/**
 * Takes over Keycloak's {@code direct-grant-validate-password} (same provider id): from the cutover instant the
 * password grant is refused before the password is checked, with {@code 400 invalid_grant}, the localised
 * {@code cutoverRefused} text as {@code error_description} and a {@code cutover_refused} event.
 */
public class CutoverValidatePassword extends ValidatePassword {
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<LegacyCutover> cutover = LegacyCutover.of(context).filter(LegacyCutover::passed);
        if (cutover.isEmpty()) {
            super.authenticate(context);
            return;
        }
        String username = context.getUser() == null ? null : context.getUser().getUsername();
        cutover.get().recordRefusal(context, CutoverContract.CREDENTIAL_PASSWORD, username);
        context.forceChallenge(errorResponse(Response.Status.BAD_REQUEST.getStatusCode(), "invalid_grant",
                cutover.get().refusalText(context)));
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " Refused from the realm's SPID-only cutover (spid-cutover).";
    }
}
