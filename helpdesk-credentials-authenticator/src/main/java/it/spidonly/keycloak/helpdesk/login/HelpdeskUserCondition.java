package it.spidonly.keycloak.helpdesk.login;

import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code helpdesk-user-condition}: true for a help-desk user ({@link AccountKind}, server-side state only), so the
 * conditional sub-flow holding Keycloak's OTP form always runs for them, whatever they have enrolled; with
 * <em>negate</em>, true for every other account (for the sub-flow that keeps Keycloak's "OTP if the user has one").
 * A login without a user yet counts as a help-desk one (fail closed: the OTP form then needs a user and stops).
 */
final class HelpdeskUserCondition implements ConditionalAuthenticator {
    static final HelpdeskUserCondition SINGLETON = new HelpdeskUserCondition();

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        return matches(user == null ? AccountKind.HELPDESK : AccountKind.of(user), negated(context.getAuthenticatorConfig()));
    }

    static boolean matches(AccountKind kind, boolean negate) {
        return (kind == AccountKind.HELPDESK) != negate;
    }

    static boolean negated(AuthenticatorConfigModel config) {
        Map<String, String> values = config == null ? null : config.getConfig();
        return values != null && Boolean.parseBoolean(values.get(HelpdeskUserConditionFactory.NEGATE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
