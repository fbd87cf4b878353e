package it.spidonly.keycloak.it.theme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testproviders.cutover.CutoverAttributesFormFactory;
import it.spidonly.keycloak.eidas.ficep.FicepIdentityProviderFactory;
import it.spidonly.keycloak.eidas.node.broker.EidasNodeIdentityProviderFactory;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * A ministry realm with the spid-only login theme (from the realm template) and, beside the template's SPID test
 * IdP, everything the login page must sort out: two more enabled SPID IdPs (one with a shipped logo, one without),
 * a disabled SPID IdP, a plain SAML IdP and an eIDAS IdP (the FICEP type; more eIDAS entries are native eIDAS nodes). Apps (OIDC clients) whose browser
 * flow shows each page: the realm's default flow (no cutover attributes), the cutover stand-in before and after the
 * instant, and Keycloak's "Deny access" with a chosen message key for the error page.
 */
final class ThemeRealm implements AutoCloseable {
    static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    static final String APP_BASE_URL = "http://127.0.0.1:1/app";
    static final String SPID_TEST_IDP = "spid-test-idp";
    static final String SPID_WITH_LOGO = "poste-spid";
    static final String SPID_WITHOUT_LOGO = "lepida-spid";
    static final String SPID_DISABLED = "retired-spid";
    static final String PLAIN_SAML = "corporate-saml";
    static final String EIDAS = "ficep-eidas";
    static final List<String> ENABLED_SPID = List.of(SPID_TEST_IDP, SPID_WITH_LOGO, SPID_WITHOUT_LOGO);

    static final String APP = "ministry-demo-app";
    static final String BEFORE_APP = "before-cutover-app";
    static final String AFTER_APP = "after-cutover-app";
    static final String ERROR_APP = "error-page-app";
    static final String CUTOVER_INSTANT = "2020-11-15T00:00:00+01:00";
    /** The display date the cutover stand-in sends (one text for both languages: day/month/year). */
    static final String CUTOVER_DATE = "15/11/2020";
    static final String LEGACY_USER = "legacy.user";
    static final String LEGACY_PASSWORD = "Legacy-Password-1";

    final KeycloakServer keycloak;
    final String name;
    final SpidTestIdp idp;
    private final Map<String, OidcTestClient> apps = new HashMap<>();
    private String denyConfigId;

    private ThemeRealm(KeycloakServer keycloak, String name, SpidTestIdp idp) {
        this.keycloak = keycloak;
        this.name = name;
        this.idp = idp;
    }

    static ThemeRealm create(KeycloakServer keycloak, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        SpidTestIdp idp = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0)
                .spMetadataUrl(keycloak.realmUrl(name) + "/spid/metadata").users(TestUser.demoUsers()).build());
        ThemeRealm realm = new ThemeRealm(keycloak, name, idp);
        try {
            realm.setUp();
        } catch (RuntimeException | Error e) {
            realm.close();
            throw e;
        }
        return realm;
    }

    private void setUp() {
        admin().importRealm(SpidRealm.named(name).testIdp(idp.baseUrl(), idp.entityId(), idp.signingCertificateBase64())
                .appRedirectUri(REDIRECT_URI).toJson());
        JsonNode template = admin().get(realmPath("/identity-provider/instances/" + SPID_TEST_IDP));
        addIdp(template, SPID_WITH_LOGO, "Poste Italiane", "spid-saml", true, Map.of("kcTheme-spidLogo", "spid-idp-posteid.svg"));
        addIdp(template, SPID_WITHOUT_LOGO, "Lepida", "spid-saml", true, Map.of());
        addIdp(template, SPID_DISABLED, "Retired SPID IdP", "spid-saml", false, Map.of());
        addIdp(template, PLAIN_SAML, "Corporate SAML", "saml", true, Map.of());
        // the real eIDAS types (eidas-idp-provider): FICEP here, native nodes in addEidasIdp
        // its display order, as an admin sets it: before the native eIDAS nodes of addEidasIdp
        addIdp(template, EIDAS, "FICEP", FicepIdentityProviderFactory.PROVIDER_ID, true, Map.of("ficepEnvironment", "custom", "guiOrder", "10"));
        admin().put(realmPath("/clients/" + clientUuid(APP)), Map.of("clientId", APP, "baseUrl", APP_BASE_URL));

        addApp(BEFORE_APP, cutoverFlow("cutover-before", false));
        addApp(AFTER_APP, cutoverFlow("cutover-after", true));
        addApp(ERROR_APP, denyFlow());
        addLegacyUser();
    }

    /** The OIDC login URL of one of the apps: a fresh request (state, nonce, PKCE) each time. */
    String loginUrl(String app) {
        return app(app).authorizationUrl().toString();
    }

    OidcTestClient app(String clientId) {
        return apps.computeIfAbsent(clientId, id -> new OidcTestClient(new HttpBrowser(), realmUrl(), id, REDIRECT_URI));
    }

    /** One more eIDAS IdP (a native eIDAS node, type eidas-node), after the others in display order. */
    void addEidasIdp(String alias, String displayName) {
        JsonNode template = admin().get(realmPath("/identity-provider/instances/" + EIDAS));
        addIdp(template, alias, displayName, EidasNodeIdentityProviderFactory.PROVIDER_ID, true, Map.of("guiOrder", "20"));
    }

    void removeIdp(String alias) {
        admin().delete(realmPath("/identity-provider/instances/" + alias));
    }

    /** The message key the error app's "Deny access" shows from now on. */
    void errorPageShows(String messageKey) {
        admin().put(realmPath("/authentication/config/" + denyConfigId),
                Map.of("id", denyConfigId, "alias", "theme-it-deny", "config", Map.of("denyErrorMessage", messageKey)));
    }

    /** Sets (or, with null, removes) the realm attribute spidOnly.helpdeskEntry. */
    void helpdeskEntry(String value) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("spidOnly.helpdeskEntry", value == null ? "" : value);
        admin().put(realmPath(""), Map.of("attributes", attributes));
    }

    String realmUrl() {
        return keycloak.realmUrl(name);
    }

    @Override
    public void close() {
        try {
            idp.close();
        } finally {
            admin().deleteRealm(name);
        }
    }

    private void addIdp(JsonNode template, String alias, String displayName, String providerId, boolean enabled,
            Map<String, String> extraConfig) {
        ObjectNode idpRep = template.deepCopy();
        idpRep.remove("internalId");
        idpRep.put("alias", alias).put("displayName", displayName).put("providerId", providerId).put("enabled", enabled);
        ObjectNode config = (ObjectNode) idpRep.path("config");
        config.put("idpEntityId", "https://" + alias + ".example/idp");
        extraConfig.forEach(config::put);
        admin().post(realmPath("/identity-provider/instances"), idpRep);
    }

    private void addApp(String clientId, String browserFlowId) {
        Map<String, Object> client = new HashMap<>(app(clientId).clientRepresentation());
        client.put("baseUrl", APP_BASE_URL);
        client.put("authenticationFlowBindingOverrides", Map.of("browser", browserFlowId));
        admin().post(realmPath("/clients"), client);
    }

    /** A browser flow of one step: the cutover stand-in form with the attributes of one side of the instant. */
    private String cutoverFlow(String alias, boolean passed) {
        String flowId = oneStepFlow(alias, CutoverAttributesFormFactory.PROVIDER_ID);
        String execution = onlyExecution(alias).path("id").asText();
        admin().post(realmPath("/authentication/executions/" + execution + "/config"), Map.of("alias", alias + "-config",
                "config", Map.of("cutoverInstant", CUTOVER_INSTANT, "cutoverDate", CUTOVER_DATE,
                        "cutoverPassed", String.valueOf(passed))));
        return flowId;
    }

    /** Keycloak's "Deny access": its error page with the message key of its config. */
    private String denyFlow() {
        String flowId = oneStepFlow("theme-it-deny", "deny-access-authenticator");
        ObjectNode execution = (ObjectNode) onlyExecution("theme-it-deny");
        execution.put("requirement", "REQUIRED");
        admin().put(realmPath("/authentication/flows/theme-it-deny/executions"), execution);
        denyConfigId = admin().create(realmPath("/authentication/executions/" + execution.path("id").asText() + "/config"),
                Map.of("alias", "theme-it-deny", "config", Map.of("denyErrorMessage", "spidErrorNr19")));
        return flowId;
    }

    private String oneStepFlow(String alias, String authenticator) {
        String flowId = admin().create(realmPath("/authentication/flows"),
                Map.of("alias", alias, "providerId", "basic-flow", "topLevel", true, "builtIn", false));
        admin().post(realmPath("/authentication/flows/" + alias + "/executions/execution"), Map.of("provider", authenticator));
        return flowId;
    }

    private JsonNode onlyExecution(String flowAlias) {
        return admin().get(realmPath("/authentication/flows/" + flowAlias + "/executions")).path(0);
    }

    private void addLegacyUser() {
        admin().post(realmPath("/users"), Map.of("username", LEGACY_USER, "enabled", true, "firstName", "Legacy",
                "lastName", "User", "email", "legacy.user@example.org", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", LEGACY_PASSWORD, "temporary", false))));
    }

    private String clientUuid(String clientId) {
        return admin().get(realmPath("/clients?clientId=" + clientId)).path(0).path("id").asText();
    }

    private String realmPath(String rest) {
        return "/" + name + rest;
    }

    private KeycloakAdmin admin() {
        return keycloak.admin();
    }
}
