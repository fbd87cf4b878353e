package it.spidonly.keycloak.testsupport.helpdesk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;

/**
 * A help-desk realm made the way docs/admin-guide.md ("Help desk", REST equivalent) tells an administrator, from an
 * empty realm, with the admin REST API only: realm settings (theme, languages, events, brute force, SMTP), the
 * help-desk settings page ({@code spid-helpdesk} component), the operator role, the required action, the help-desk
 * browser flow, the operators' flow and client, an app with the acr mapper, and the users. No realm template:
 * what the guide does not say, this class does not do. Operators get only a password here: their authenticator app
 * is enrolled at their first login ({@link HelpdeskOperatorLogin}).
 */
public final class HelpdeskAdminSetup {
    public static final String OPERATOR_ROLE = "helpdesk-operator";
    public static final String UI_PAGE_PROVIDER_TYPE = "org.keycloak.services.ui.extend.UiPageProvider";

    private static final Map<String, Object> ACR_MAPPER = Map.of("name", "help-desk acr", "protocol", "openid-connect",
            "protocolMapper", "helpdesk-acr-mapper",
            "config", Map.of("id.token.claim", "true", "access.token.claim", "true", "introspection.token.claim", "true"));

    private final KeycloakAdmin admin;
    private final String realm;
    private int smtpPort = 25;
    private String cap = "P2Y";
    private boolean spidRealm;

    private HelpdeskAdminSetup(KeycloakAdmin admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    public static HelpdeskAdminSetup of(KeycloakAdmin admin, String realm) {
        return new HelpdeskAdminSetup(admin, realm);
    }

    public HelpdeskAdminSetup smtpPort(int port) {
        smtpPort = port;
        return this;
    }

    /**
     * The help desk added to an existing SPID realm (docs/admin-guide.md, "Help desk", step 5: the forms "beside the
     * SPID identity providers"): no new realm, the help-desk browser flow keeps Keycloak's identity-provider
     * redirector (so {@code kc_idp_hint} still sends a citizen to SPID), and the acr mapper goes on the realm's
     * existing app {@link HelpdeskRealm#APP} (step 8) instead of a new client.
     */
    public HelpdeskAdminSetup inSpidRealm() {
        spidRealm = true;
        return this;
    }

    public HelpdeskAdminSetup cap(String isoPeriodOrDuration) {
        cap = isoPeriodOrDuration;
        return this;
    }

    /** Every step of the guide, in its order. */
    public HelpdeskAdminSetup run() {
        if (!spidRealm) {
            emptyRealm();
        }
        realmSettings();
        helpdeskSettingsPage();
        admin.post(path("/roles"), Map.of("name", OPERATOR_ROLE, "description", "Help-desk operators"));
        admin.post(path("/authentication/register-required-action"), Map.of("providerId", "helpdesk-set-password", "name", "Set help-desk password"));
        passwordBeforeTotp();
        helpdeskBrowserFlow();
        String operatorFlow = operatorFlow();
        operatorClient(operatorFlow);
        if (spidRealm) {
            acrMapperOnApp();
        } else {
            appClient();
        }
        return this;
    }

    /** The password page before the TOTP setup, as the activation e-mail tells (a new realm lists TOTP first). */
    private void passwordBeforeTotp() {
        ObjectNode action = (ObjectNode) admin.get(path("/authentication/required-actions/helpdesk-set-password"));
        action.put("priority", admin.get(path("/authentication/required-actions/CONFIGURE_TOTP")).path("priority").asInt() - 1);
        admin.put(path("/authentication/required-actions/helpdesk-set-password"), action);
    }

    private void emptyRealm() {
        admin.post("", Map.of("realm", realm, "enabled", true));
    }

    private void realmSettings() {
        ObjectNode rep = (ObjectNode) admin.get(path(""));
        rep.put("loginTheme", "spid-only");
        rep.put("internationalizationEnabled", true);
        rep.putArray("supportedLocales").add("it").add("en");
        rep.put("defaultLocale", "it");
        rep.put("eventsEnabled", true);
        rep.put("adminEventsEnabled", true);
        rep.put("adminEventsDetailsEnabled", true);
        rep.put("bruteForceProtected", true);
        rep.put("failureFactor", 5);
        ObjectNode smtp = rep.putObject("smtpServer");
        smtp.put("host", "127.0.0.1");
        smtp.put("port", String.valueOf(smtpPort));
        smtp.put("from", "helpdesk@ministero.example");
        admin.put(path(""), rep);
    }

    /** The console page "Help desk" (component {@code spid-helpdesk}), as saved by the console or by REST. */
    public String helpdeskSettingsPage() {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("name", "help desk");
        component.put("providerId", "spid-helpdesk");
        component.put("providerType", UI_PAGE_PROVIDER_TYPE);
        component.put("parentId", admin.get(path("")).path("id").asText());
        component.put("config", Map.of("loginEntry", List.of("form"), "credentialMaxValidity", List.of(cap), "activationValidity", List.of("PT24H")));
        return admin.create(path("/components"), component);
    }

    private void helpdeskBrowserFlow() {
        topLevelFlow("helpdesk browser");
        execution("helpdesk browser", "auth-cookie", "ALTERNATIVE");
        if (spidRealm) {
            execution("helpdesk browser", "identity-provider-redirector", "ALTERNATIVE");
        }
        subFlow("helpdesk browser", "helpdesk forms", "ALTERNATIVE");
        execution("helpdesk forms", "helpdesk-username-password-form", "REQUIRED");
        // help-desk users: OTP always; everyone else (legacy accounts): OTP only if they have enrolled one
        subFlow("helpdesk forms", "helpdesk OTP", "CONDITIONAL");
        execution("helpdesk OTP", "helpdesk-user-condition", "REQUIRED");
        execution("helpdesk OTP", "auth-otp-form", "REQUIRED");
        subFlow("helpdesk forms", "enrolled OTP", "CONDITIONAL");
        String notHelpdesk = execution("enrolled OTP", "helpdesk-user-condition", "REQUIRED");
        admin.post(path("/authentication/executions/" + notHelpdesk + "/config"),
                Map.of("alias", "not a help-desk user", "config", Map.of("negate", "true")));
        execution("enrolled OTP", "conditional-user-configured", "REQUIRED");
        execution("enrolled OTP", "auth-otp-form", "REQUIRED");
        ObjectNode rep = (ObjectNode) admin.get(path(""));
        rep.put("browserFlow", "helpdesk browser");
        admin.put(path(""), rep);
    }

    private String operatorFlow() {
        String id = topLevelFlow("operator browser");
        execution("operator browser", "auth-cookie", "ALTERNATIVE");
        subFlow("operator browser", "operator forms", "ALTERNATIVE");
        execution("operator forms", "helpdesk-operator-password-form", "REQUIRED");
        execution("operator forms", "auth-otp-form", "REQUIRED");
        return id;
    }

    private void operatorClient(String flowId) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", HelpdeskRealm.OPERATOR_CLIENT);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("rootUrl", "${authBaseUrl}");
        client.put("redirectUris", List.of("/realms/" + realm + "/helpdesk-console/*"));
        client.put("webOrigins", List.of("+"));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256", "login_theme", "keycloak.v2"));
        client.put("authenticationFlowBindingOverrides", Map.of("browser", flowId));
        admin.post(path("/clients"), client);
    }

    private void appClient() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", HelpdeskRealm.APP);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("redirectUris", List.of(HelpdeskRealm.APP_REDIRECT_URI));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        client.put("protocolMappers", List.of(ACR_MAPPER));
        admin.post(path("/clients"), client);
    }

    /** Step 8 on the SPID realm's existing app ({@link HelpdeskRealm#APP}): the help-desk acr mapper. */
    private void acrMapperOnApp() {
        String uuid = admin.get(path("/clients?clientId=" + HelpdeskRealm.APP)).path(0).path("id").asText();
        admin.post(path("/clients/" + uuid + "/protocol-mappers/models"), ACR_MAPPER);
    }

    /** A user with a password (and the operator role when {@code operator}); returns the user id. */
    public String user(String username, String password, boolean operator) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@ministero.example");
        user.put("emailVerified", true);
        user.put("firstName", "Op");
        user.put("lastName", "Erator");
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        String id = admin.create(path("/users"), user);
        if (operator) {
            JsonNode role = admin.get(path("/roles/" + OPERATOR_ROLE));
            admin.post(path("/users/" + id + "/role-mappings/realm"), List.of(role));
        }
        return id;
    }

    private String topLevelFlow(String alias) {
        return admin.create(path("/authentication/flows"), Map.of("alias", alias, "providerId", "basic-flow", "topLevel", true, "builtIn", false, "description", alias));
    }

    private void subFlow(String parent, String alias, String requirement) {
        admin.post(path("/authentication/flows/" + encode(parent) + "/executions/flow"), Map.of("alias", alias, "type", "basic-flow", "provider", "registration-page-form", "description", alias));
        setRequirement(parent, e -> alias.equals(e.path("displayName").asText()), requirement);
    }

    /** Adds {@code provider} to {@code flow} with {@code requirement}; returns the execution's id. */
    private String execution(String flow, String provider, String requirement) {
        admin.post(path("/authentication/flows/" + encode(flow) + "/executions/execution"), Map.of("provider", provider));
        return setRequirement(flow, e -> provider.equals(e.path("providerId").asText()) && e.path("level").asInt() == 0, requirement);
    }

    private String setRequirement(String flow, java.util.function.Predicate<JsonNode> which, String requirement) {
        for (JsonNode e : admin.get(path("/authentication/flows/" + encode(flow) + "/executions"))) {
            if (which.test(e)) {
                ObjectNode changed = ((ObjectNode) e).put("requirement", requirement);
                admin.put(path("/authentication/flows/" + encode(flow) + "/executions"), changed);
                return e.path("id").asText();
            }
        }
        throw new IllegalStateException("no such execution in " + flow);
    }

    private String path(String rest) {
        return "/" + encode(realm) + rest;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
