package it.spidonly.keycloak.cutover.legacy;

import java.util.Optional;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.resetcred.ResetCredentialChooseUser;

import it.spidonly.keycloak.cutover.CutoverContract;

/**
 * Takes over Keycloak's {@code reset-credentials-choose-user} (same provider id), the first step of "forgot
 * password". That flow ends with the user logged in with a new legacy password, so from the cutover instant it
 * is refused at its first step, before any e-mail is sent. Help-desk credentials are reissued by operators, not
 * through this flow.
 */
public class CutoverResetCredentialChooseUser extends ResetCredentialChooseUser {
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!refused(context)) {
            super.authenticate(context);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (!refused(context)) {
            super.action(context);
        }
    }

    private static boolean refused(AuthenticationFlowContext context) {
        Optional<LegacyCutover> cutover = LegacyCutover.of(context).filter(LegacyCutover::passed);
        cutover.ifPresent(c -> c.refuseWithErrorPage(context, CutoverContract.CREDENTIAL_PASSWORD));
        return cutover.isPresent();
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " Refused from the realm's SPID-only cutover (spid-cutover).";
    }
}
