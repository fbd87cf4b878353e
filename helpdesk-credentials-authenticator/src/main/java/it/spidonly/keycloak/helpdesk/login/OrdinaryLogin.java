package it.spidonly.keycloak.helpdesk.login;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;

import it.spidonly.keycloak.cutover.CutoverContract;
import it.spidonly.keycloak.cutover.legacy.LegacyCutover;

/**
 * An account that is not a help-desk user ({@link AccountKind#ORDINARY}: a legacy cliclavoro account with
 * Keycloak's {@code password}), or no account, on the help-desk form. The password goes through Keycloak's
 * credential manager, so the SPID-only cutover's password provider decides: valid before the instant (and the
 * session is marked as a legacy one, ended at the instant), never from it (the provider records
 * {@code cutover_refused}). No OTP here: the flow's conditional sub-flows decide (docs/helpdesk.md).
 * <p>Before the instant (or with no cutover) an unknown user, a wrong password and a lockout get the help-desk form's
 * one "invalid username or password", counted by Keycloak's brute-force detector. From the instant every account
 * that is not a help-desk one, known or not, gets the cutover's refusal (403), as the cutover's own password forms
 * refuse every submission: the answer never tells whether a legacy account exists.
 */
final class OrdinaryLogin {
    /** What the form answers. */
    enum Answer {
        /** No such account, before the instant: "invalid username or password", event {@code user_not_found}. */
        UNKNOWN_USER,
        /** No such account, from the instant: the cutover's refusal, recorded by the form. */
        CUTOVER_REFUSES_UNKNOWN,
        /** The cutover's password provider refused the password (and recorded it): the cutover's refusal. */
        CUTOVER_REFUSED_PASSWORD,
        /** Locked out by brute-force detection: "invalid username or password", the password not checked. */
        LOCKED_OUT,
        WRONG_PASSWORD,
        /** The password is right: Keycloak's enabled check, then the login goes on. */
        PASSWORD_ACCEPTED
    }

    private OrdinaryLogin() {
    }

    /**
     * The decision, in its order. From the instant the lockout is not consulted: nothing is checked (the provider
     * refuses every password unread), so a locked-out account answers like any other.
     */
    static Answer answer(boolean known, boolean cutoverPassed, BooleanSupplier lockedOut, BooleanSupplier passwordValid) {
        if (!known) {
            return cutoverPassed ? Answer.CUTOVER_REFUSES_UNKNOWN : Answer.UNKNOWN_USER;
        }
        if (!cutoverPassed && lockedOut.getAsBoolean()) {
            return Answer.LOCKED_OUT;
        }
        if (passwordValid.getAsBoolean()) {
            return Answer.PASSWORD_ACCEPTED;
        }
        return cutoverPassed ? Answer.CUTOVER_REFUSED_PASSWORD : Answer.WRONG_PASSWORD;
    }

    /** Answers the submission of {@code username}/{@code password} for {@code user} (null: no such account). */
    static void login(HelpdeskLoginForm form, AuthenticationFlowContext context, UserModel user, String username, String password) {
        Optional<LegacyCutover> passed = LegacyCutover.of(context).filter(LegacyCutover::passed);
        if (user != null && user.isEnabled()) {
            // as in the help-desk branch: a disabled user is never set on the login (Keycloak would refuse it to
            // anyone at once); Keycloak finds it from the attempted username to count its failures
            context.setUser(user);
        }
        Answer answer = answer(user != null, passed.isPresent(), () -> form.lockedOut(context, user),
                () -> user.credentialManager().isValid(UserCredentialModel.password(password == null ? "" : password)));
        switch (answer) {
            case UNKNOWN_USER -> {
                // as Keycloak's own form: a hash computed anyway, so the answer's time does not tell "no such account"
                AuthenticatorUtils.dummyHash(context);
                form.refuse(context, null, Errors.USER_NOT_FOUND);
            }
            case CUTOVER_REFUSES_UNKNOWN -> passed.get().refuseForm(context, CutoverContract.CREDENTIAL_PASSWORD, username,
                    page -> LoginPages.again(context, page));
            case CUTOVER_REFUSED_PASSWORD -> {
                context.clearUser();
                passed.get().showRefusal(context, page -> LoginPages.again(context, page));
            }
            case LOCKED_OUT -> {
                // lockedOut has answered
            }
            case WRONG_PASSWORD -> form.refuse(context, user, Errors.INVALID_USER_CREDENTIALS);
            case PASSWORD_ACCEPTED -> {
                // Keycloak's own order: the password first, then "account disabled" (told only to the right password)
                if (form.enabledUser(context, user)) {
                    context.setUser(user);
                    context.success();
                }
            }
        }
    }
}
