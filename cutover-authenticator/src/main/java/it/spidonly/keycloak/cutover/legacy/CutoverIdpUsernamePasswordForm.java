package it.spidonly.keycloak.cutover.legacy;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.IdpUsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;

import it.spidonly.keycloak.cutover.CutoverContract;

/**
 * Keycloak's "confirm the existing account with its password" form of first-broker-login flows. After the
 * cutover a legacy password cannot confirm a link either: SPID accounts are linked by fiscal number
 * ({@code spid-first-login}), without a password. Keycloak's page keeps its own explanation ("authenticate
 * to link your account"); the cutover attributes are added to it and a refusal replaces the explanation.
 */
final class CutoverIdpUsernamePasswordForm extends IdpUsernamePasswordForm {
    /** The cutover of the request being refused, if any (instances live for one Keycloak session). */
    private LegacyCutover refusing;

    CutoverIdpUsernamePasswordForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Optional<LegacyCutover> cutover = LegacyCutover.of(context).filter(LegacyCutover::passed);
        if (cutover.isPresent() && !form.containsKey("cancel")) {
            cutover.get().recordRefusal(context, CutoverContract.CREDENTIAL_PASSWORD, form.getFirst(AuthenticationManager.FORM_USERNAME));
            refusing = cutover.get();
            try {
                context.forceChallenge(challenge(context, null, null));
            } finally {
                refusing = null;
            }
            return;
        }
        super.action(context);
    }

    @Override
    protected LoginFormsProvider setupForm(AuthenticationFlowContext context, MultivaluedMap<String, String> formData,
                                           Optional<UserModel> existingUser) {
        LoginFormsProvider form = super.setupForm(context, formData, existingUser);
        LegacyCutover.of(context).ifPresentOrElse(cutover -> cutover.decorate(form), () -> LegacyCutover.legacyAllowed(context.getSession(), context.getRealm(), form));
        if (refusing != null) {
            form.setError(refusing.text(CutoverContract.MSG_REFUSED), refusing.messageParameters(form)).setStatus(Response.Status.FORBIDDEN);
        }
        return form;
    }
}
