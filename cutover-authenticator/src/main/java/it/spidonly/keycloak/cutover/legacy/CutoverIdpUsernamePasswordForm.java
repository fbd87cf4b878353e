package it.spidonly.keycloak.cutover.legacy;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.IdpUsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AuthenticationManager;

import it.spidonly.keycloak.cutover.CutoverContract;

/**
 * Keycloak's "confirm the existing account with its password" form of first-broker-login flows. After the
 * cutover a legacy password cannot confirm a link either: SPID accounts are linked by fiscal number
 * ({@code spid-link-by-fiscal-number}), without a password.
 */
final class CutoverIdpUsernamePasswordForm extends IdpUsernamePasswordForm {
    private final KeycloakSession session;

    CutoverIdpUsernamePasswordForm(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        LegacyCutover.of(context).ifPresent(cutover -> cutover.announce(context.form()));
        super.authenticate(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Optional<LegacyCutover> cutover = LegacyCutover.of(context).filter(LegacyCutover::passed);
        if (cutover.isPresent() && !form.containsKey("cancel")) {
            cutover.get().refuseForm(context, CutoverContract.CREDENTIAL_PASSWORD,
                    form.getFirst(AuthenticationManager.FORM_USERNAME), page -> challenge(context, null, null));
            return;
        }
        super.action(context);
    }

    @Override
    protected Response createLoginForm(LoginFormsProvider form) {
        LegacyCutover.of(session, session.getContext().getRealm()).ifPresent(cutover -> cutover.decorate(form));
        return super.createLoginForm(form);
    }
}
