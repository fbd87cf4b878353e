package it.spidonly.keycloak.cutover.inps;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import it.spidonly.keycloak.cutover.CutoverContract;
import it.spidonly.keycloak.cutover.fiscal.FiscalCode;
import it.spidonly.keycloak.cutover.session.LegacySessionNote;
import it.spidonly.keycloak.spid.attributes.FiscalNumberAccounts;
import it.spidonly.keycloak.spid.attributes.SpidAttributeValues;

/**
 * One INPS PIN login, the same for the login page and the password grant: check the input, ask INPS, find (or
 * create) the person's account by fiscal number. Sets the user on success, fills the event either way; the caller
 * answers. The PIN is passed through to INPS and nowhere else.
 */
final class InpsPinLogin {
    private static final Logger LOG = Logger.getLogger(InpsPinLogin.class);

    private InpsPinLogin() {
    }

    /** Empty on success ({@code context.getUser()} is the person); else why not, already recorded in the event. */
    static Optional<InpsPinFailure> attempt(AuthenticationFlowContext context, String typedFiscalCode, String pin) {
        context.getEvent().detail(Details.CREDENTIAL_TYPE, CutoverContract.CREDENTIAL_INPS_PIN);
        // Keycloak's event log writes error events above debug: only the masked fiscal code goes into the event
        FiscalCode.normalise(typedFiscalCode)
                .ifPresent(code -> context.getEvent().detail(Details.USERNAME, FiscalCode.forLogs(code)));
        Optional<InpsPinFailure> failure = InpsPinInput.problem(typedFiscalCode, pin)
                .or(() -> verifyAndFindAccount(context, FiscalCode.normalise(typedFiscalCode).orElseThrow(), pin));
        failure.ifPresent(f -> context.getEvent().error(f.eventError()));
        return failure;
    }

    private static Optional<InpsPinFailure> verifyAndFindAccount(AuthenticationFlowContext context, String fiscalCode, String pin) {
        InpsPinConfig config = new InpsPinConfig(context.getAuthenticatorConfig() == null ? null : context.getAuthenticatorConfig().getConfig());
        if (config.endpoint().isEmpty()) {
            LOG.errorf("INPS PIN login in realm %s: the execution has no valid INPS verification endpoint in its configuration", context.getRealm().getName());
            return Optional.of(InpsPinFailure.UNAVAILABLE);
        }
        InpsVerdict verdict = new HttpInpsPinVerifier(context.getSession(), config.endpoint().get(), config).verify(fiscalCode, pin);
        if (verdict instanceof InpsVerdict.Refused) {
            return Optional.of(InpsPinFailure.REFUSED);
        }
        if (verdict instanceof InpsVerdict.Blocked) {
            return Optional.of(InpsPinFailure.BLOCKED);
        }
        if (!(verdict instanceof InpsVerdict.Verified person)) {
            return Optional.of(InpsPinFailure.UNAVAILABLE);
        }
        return account(context, person, config.createUsers());
    }

    private static Optional<InpsPinFailure> account(AuthenticationFlowContext context, InpsVerdict.Verified person, boolean create) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        List<UserModel> accounts = FiscalNumberAccounts.find(session, realm, person.fiscalCode());
        if (accounts.size() > 1) {
            LOG.warnf("INPS PIN login: more than one account has fiscal number %s in realm %s", SpidAttributeValues.mask(person.fiscalCode()), realm.getName());
            return Optional.of(InpsPinFailure.AMBIGUOUS_ACCOUNT);
        }
        UserModel user = accounts.isEmpty() ? null : accounts.get(0);
        if (user == null && !create) {
            return Optional.of(InpsPinFailure.NO_ACCOUNT);
        }
        if (user == null && session.users().getUserByUsername(realm, person.fiscalCode().toLowerCase(Locale.ROOT)) != null) {
            // the code is another account's username but not its fiscal number: never link by username (issue 16, F1)
            LOG.warnf("INPS PIN login: an account without fiscal number %s holds it as username in realm %s", SpidAttributeValues.mask(person.fiscalCode()), realm.getName());
            return Optional.of(InpsPinFailure.AMBIGUOUS_ACCOUNT);
        }
        if (user == null) {
            user = session.users().addUser(realm, person.fiscalCode().toLowerCase(Locale.ROOT));
            user.setEnabled(true);
            user.setSingleAttribute(FiscalNumberAccounts.ATTRIBUTE, person.fiscalCode());
            if (person.givenName() != null) {
                user.setFirstName(person.givenName());
            }
            if (person.familyName() != null) {
                user.setLastName(person.familyName());
            }
            LOG.infof("INPS PIN login: account created for %s in realm %s", SpidAttributeValues.mask(person.fiscalCode()), realm.getName());
        }
        context.getEvent().user(user);
        if (!user.isEnabled()) {
            return Optional.of(InpsPinFailure.ACCOUNT_DISABLED);
        }
        context.setUser(user);
        LegacySessionNote.mark(context.getAuthenticationSession(), CutoverContract.CREDENTIAL_INPS_PIN);
        return Optional.empty();
    }
}
