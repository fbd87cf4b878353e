package it.spidonly.keycloak.spid.firstlogin;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.UserModel;

/**
 * A broker of the bundle that writes what a verified login says of the person onto the account: at every login, and
 * at once when a {@link FirstLoginStep} creates the account. Keycloak imports the new account again in the request
 * after the first-login flow; written at creation, that import finds nothing to change, so the account stays in
 * Keycloak's user cache for the app's token request (issue 19).
 */
public interface AccountDataWriter {
    /** Writes only what differs from the account ({@link it.spidonly.keycloak.spid.attributes.AccountWrites}). */
    void writeAccountData(UserModel user, BrokeredIdentityContext context);
}
