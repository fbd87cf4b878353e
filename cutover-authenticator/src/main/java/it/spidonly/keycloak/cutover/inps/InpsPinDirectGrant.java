package it.spidonly.keycloak.cutover.inps;

import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

import it.spidonly.keycloak.cutover.CutoverContract;
import it.spidonly.keycloak.cutover.legacy.LegacyCutover;

/**
 * INPS PIN through the password grant, for the apps that used it: {@code username} = fiscal code,
 * {@code password} = PIN. Refused from the cutover instant ({@code 400 invalid_grant}, {@code cutoverRefused}),
 * without asking INPS.
 */
final class InpsPinDirectGrant implements Authenticator {
    @Override
    public void authenticate(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> input = context.getHttpRequest().getDecodedFormParameters();
        Optional<LegacyCutover> cutover = LegacyCutover.of(context).filter(LegacyCutover::passed);
        if (cutover.isPresent()) {
            cutover.get().recordRefusal(context, CutoverContract.CREDENTIAL_INPS_PIN, input.getFirst("username"));
            context.forceChallenge(error(400, "invalid_grant", cutover.get().refusalText(context)));
            return;
        }
        Optional<InpsPinFailure> failure = InpsPinLogin.attempt(context, input.getFirst("username"), input.getFirst("password"));
        if (failure.isEmpty()) {
            context.success(CutoverContract.CREDENTIAL_INPS_PIN);
            return;
        }
        InpsPinFailure why = failure.get();
        context.forceChallenge(error(why.tokenStatus(), why.oauthError(), context.form().getMessage(why.messageKey())));
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status).entity(new OAuth2ErrorRepresentation(error, description))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
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
