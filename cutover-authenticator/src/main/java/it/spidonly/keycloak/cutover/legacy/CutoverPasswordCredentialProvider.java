package it.spidonly.keycloak.cutover.legacy;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.PasswordCredentialProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import it.spidonly.keycloak.cutover.CutoverContract;
import it.spidonly.keycloak.cutover.fiscal.FiscalCode;
import it.spidonly.keycloak.cutover.session.LegacySessionNote;
import it.spidonly.keycloak.cutover.settings.CutoverSettings;
import it.spidonly.keycloak.cutover.settings.Cutovers;

/**
 * Keycloak's password credential with one rule added, in the one place every local password check goes through
 * ({@code user.credentialManager().isValid(...)}): from the realm's cutover instant no password is valid. This is
 * the backstop for authenticators this module does not take over (Keycloak's HTTP Basic authenticators, an
 * extension's own form): they see a wrong password, and the refusal is also recorded as a {@code cutover_refused}
 * event when it happens during a login. Everything else (storing, updating, hashing, metrics) is Keycloak's own
 * provider, to which validation is delegated before the instant.
 */
final class CutoverPasswordCredentialProvider extends PasswordCredentialProvider {
    private static final Logger LOG = Logger.getLogger(CutoverPasswordCredentialProvider.class);

    private final PasswordCredentialProvider keycloaks;

    CutoverPasswordCredentialProvider(KeycloakSession session, PasswordCredentialProvider keycloaks) {
        // metrics are counted by Keycloak's own instance, which does the validation
        super(session, null, false, false, false, false, false);
        this.keycloaks = keycloaks;
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        Optional<CutoverSettings> cutover = supportsCredentialType(input.getType()) ? Cutovers.of(realm) : Optional.empty();
        if (cutover.isPresent() && cutover.get().phaseAt(Cutovers.now()).refusesLegacyCredentials()
                && !it.spidonly.keycloak.cutover.CutoverExemption.granted(session)) {
            LOG.infof("SPID-only cutover: password check refused for user id %s in realm %s", user.getId(), realm.getName());
            recordDuringLogin(realm, user, cutover.get());
            return false;
        }
        boolean valid = keycloaks.isValid(realm, user, input);
        if (valid && cutover.isPresent()) {
            // the session this login opens rests on a password: it ends at the cutover instant (LegacySessionEnd)
            LegacySessionNote.mark(session.getContext().getAuthenticationSession(), CutoverContract.CREDENTIAL_PASSWORD);
        }
        return valid;
    }

    private void recordDuringLogin(RealmModel realm, UserModel user, CutoverSettings cutover) {
        AuthenticationSessionModel login = session.getContext().getAuthenticationSession();
        if (login == null) {
            return;
        }
        new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.LOGIN_ERROR).client(login.getClient()).user(user)
                .detail(Details.USERNAME, FiscalCode.forLogs(user.getUsername()))
                .detail(Details.CREDENTIAL_TYPE, CutoverContract.CREDENTIAL_PASSWORD)
                .detail(CutoverContract.EVENT_DETAIL_INSTANT, cutover.isoInstant())
                .error(CutoverContract.EVENT_ERROR);
    }
}
