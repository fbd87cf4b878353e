package it.spidonly.keycloak.helpdesk.admin;

import java.util.Set;

import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.representations.AccessToken;

/**
 * Operators log in strongly (issue 7: "SPID L2 or password + OTP"): the operator either logged in with SPID at level
 * 2 or 3 (the token's {@code acr}) or has an OTP authenticator, which the realm's flows then ask for at every login
 * (the {@code helpdesk-console} client's browser flow and Keycloak's direct grant with its conditional OTP). An
 * operator with neither is refused, so a realm that forgot to enrol its operators fails closed.
 */
final class OperatorSecondFactor {
    static final Set<String> SPID_STRONG = Set.of("https://www.spid.gov.it/SpidL2", "https://www.spid.gov.it/SpidL3");

    private OperatorSecondFactor() {
    }

    static boolean present(UserModel operator, AccessToken token) {
        return (token != null && SPID_STRONG.contains(token.getAcr()))
                || operator.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE);
    }
}
