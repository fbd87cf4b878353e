package it.spidonly.keycloak.cutover.legacy;

import java.util.Optional;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.resetcred.ResetPassword;

import it.spidonly.keycloak.cutover.CutoverContract;

/**
 * Takes over Keycloak's {@code reset-password} (same provider id), the step of "forgot password" that asks for the
 * new password once the e-mail's link is followed. {@link CutoverResetCredentialChooseUser} refuses a reset started
 * after the instant; this refuses one started before it whose link is followed after it (whether or not Keycloak
 * runs the completed first step again), so no password is set and no one is signed in by it.
 */
public class CutoverResetPassword extends ResetPassword {
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<LegacyCutover> cutover = LegacyCutover.of(context).filter(LegacyCutover::passed);
        if (cutover.isEmpty()) {
            super.authenticate(context);
            return;
        }
        cutover.get().refuseWithErrorPage(context, CutoverContract.CREDENTIAL_PASSWORD);
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " Refused from the realm's SPID-only cutover (spid-cutover).";
    }
}
