package it.spidonly.keycloak.cutover.inps;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

import it.spidonly.keycloak.cutover.CutoverContract;
import it.spidonly.keycloak.cutover.legacy.LegacyCutover;

/**
 * The INPS PIN login page: fiscal code and PIN, verified by INPS. Announces the cutover before its instant and
 * refuses every submission from it, without asking INPS.
 */
final class InpsPinFormAuthenticator implements Authenticator {
    static final String TEMPLATE = "spid-inps-pin.ftl";
    static final String FIELD_FISCAL_CODE = "fiscalCode";
    static final String FIELD_PIN = "pin";
    /** The fiscal code typed, shown again after an error (the PIN never is). */
    static final String ATTR_FISCAL_CODE = "inpsFiscalCode";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        LoginFormsProvider form = context.form();
        LegacyCutover.of(context).ifPresentOrElse(cutover -> cutover.announce(form), () -> LegacyCutover.legacyAllowed(context.getSession(), context.getRealm(), form));
        context.challenge(form.createForm(TEMPLATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> input = context.getHttpRequest().getDecodedFormParameters();
        if (input.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        String fiscalCode = input.getFirst(FIELD_FISCAL_CODE);
        if (LegacyCutover.refusedSubmission(context, CutoverContract.CREDENTIAL_INPS_PIN, fiscalCode, form -> form.createForm(TEMPLATE))) {
            return;
        }
        Optional<InpsPinFailure> failure = InpsPinLogin.attempt(context, fiscalCode, input.getFirst(FIELD_PIN));
        if (failure.isEmpty()) {
            context.success(CutoverContract.CREDENTIAL_INPS_PIN);
            return;
        }
        LoginFormsProvider form = context.form().setAttribute(ATTR_FISCAL_CODE, redisplayable(fiscalCode));
        LegacyCutover.of(context).ifPresent(c -> c.decorate(form));
        InpsPinFailure why = failure.get();
        if (why.field() != null) {
            form.addError(new FormMessage(why.field(), why.messageKey()));
        } else {
            form.setError(why.messageKey());
        }
        Response page = form.setStatus(why.pageStatus()).createForm(TEMPLATE);
        if (why == InpsPinFailure.REFUSED) {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        } else {
            context.forceChallenge(page);
        }
    }

    /** What was typed, reduced to what a fiscal code can contain, so nothing else ever reaches the page. */
    static String redisplayable(String typed) {
        if (typed == null) {
            return "";
        }
        String kept = typed.replaceAll("[^A-Za-z0-9-]", "");
        return kept.length() > 32 ? kept.substring(0, 32) : kept;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
