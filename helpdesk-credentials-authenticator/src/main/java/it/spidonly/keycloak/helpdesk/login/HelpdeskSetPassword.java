package it.spidonly.keycloak.helpdesk.login;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.messages.Messages;

import it.spidonly.keycloak.helpdesk.activation.HelpdeskPasswords;
import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/**
 * Sets the help-desk password after activation, on Keycloak's own "update password" page
 * ({@code login-update-password.ftl}, fields {@code password-new}, {@code password-confirm}). The secret is stored as
 * {@code helpdesk-password}, not Keycloak's {@code password} (which the SPID-only cutover refuses), so this is our
 * action rather than Keycloak's UPDATE_PASSWORD. Rules: {@link PasswordRules}, then the realm's password policy.
 */
final class HelpdeskSetPassword implements RequiredActionProvider {
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Keycloak evaluates the triggers again after each required action: the one after the last step of an
        // activation (this page or the TOTP setup, whichever the realm runs last) completes it
        ActivationCompletion.completeIfDone(context.getSession(), context.getRealm(), context.getAuthenticationSession(), context.getUser());
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form().setAttribute("username", context.getUser().getUsername())
                .createResponse(UserModel.RequiredAction.UPDATE_PASSWORD));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String password = form.getFirst("password-new");
        String confirm = form.getFirst("password-confirm");
        UserModel user = context.getUser();
        Optional<Refusal> refusal = PasswordRules.check(password, user.getUsername(), user.getEmail());
        if (refusal.isPresent()) {
            retry(context, refusal.get().key(), refusal.get().params().toArray());
            return;
        }
        if (!password.equals(confirm)) {
            retry(context, Messages.NOTMATCH_PASSWORD);
            return;
        }
        PolicyError policy = context.getSession().getProvider(PasswordPolicyManagerProvider.class).validate(context.getRealm(), user, password);
        if (policy != null) {
            retry(context, policy.getMessage(), policy.getParameters());
            return;
        }
        HelpdeskPasswords.set(context.getSession(), context.getRealm(), user, password);
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).detail(Details.CREDENTIAL_TYPE, HelpdeskPasswords.TYPE).success();
        context.success();
        user.removeRequiredAction(HelpdeskSetPasswordFactory.ID);
        ActivationCompletion.completeIfDone(context.getSession(), context.getRealm(), context.getAuthenticationSession(), user);
    }

    private static void retry(RequiredActionContext context, String key, Object... params) {
        context.challenge(context.form().setAttribute("username", context.getUser().getUsername()).setError(key, params)
                .createResponse(UserModel.RequiredAction.UPDATE_PASSWORD));
    }

    @Override
    public void close() {
    }
}
