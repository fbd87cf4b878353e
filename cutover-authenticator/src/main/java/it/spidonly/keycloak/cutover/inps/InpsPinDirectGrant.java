package it.spidonly.keycloak.cutover.inps;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

import it.spidonly.keycloak.cutover.CutoverContract;
import it.spidonly.keycloak.cutover.legacy.LegacyCutover;

/**
 * INPS PIN through the password grant, for the apps that used it: {@code username} = fiscal code,
 * {@code password} = PIN. Bound as a client's direct-grant flow override. Refused from the cutover instant
 * ({@code 400 invalid_grant}, {@code cutoverRefused}), without asking INPS.
 */
public class InpsPinDirectGrant implements Authenticator, AuthenticatorFactory {
    public static final String PROVIDER_ID = "spid-inps-pin-direct-grant";
    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    private static final List<ProviderConfigProperty> PROPERTIES = InpsPinConfig.properties();

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
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "INPS PIN (password grant)";
    }

    @Override
    public String getHelpText() {
        return "Password grant with username = fiscal code and password = INPS PIN, verified by the configured INPS endpoint. Refused from the realm's SPID-only cutover (spid-cutover).";
    }

    @Override
    public String getReferenceCategory() {
        return CutoverContract.CREDENTIAL_INPS_PIN;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
