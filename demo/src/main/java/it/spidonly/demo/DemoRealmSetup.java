package it.spidonly.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.spidonly.keycloak.testsupport.testidp.TestIdps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The demo realm, made only the way docs/admin-guide.md, docs/eidas.md and docs/helpdesk.md tell an administrator,
 * through the admin REST API from an empty realm (the same payloads as the integration tests' AdminGuideRealm): no
 * realm template. Each step is a method, in the guides' order.
 */
final class DemoRealmSetup {
    static final String REALM = "ministero";
    static final String LEGACY_USER = "lucia.ferrari";
    static final String LEGACY_PASSWORD = "Cliclavoro-2019";
    static final String OPERATOR_A = "operatore.anna";
    static final String OPERATOR_B = "operatore.bruno";
    static final String OPERATOR_PASSWORD = "Operatore-2026";
    /** Before it the legacy password works; {@code cutover now} moves it. */
    static final String CUTOVER_LATER = "2099-11-15T00:00";
    static final String OPERATOR_CLIENT = "helpdesk-console";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UI_PAGE = "org.keycloak.services.ui.extend.UiPageProvider";

    private final AdminClient admin;
    private final String realm;

    DemoRealmSetup(AdminClient admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    /** Every step, in order. */
    void run(TestIdps idps, String appBaseUrl, int smtpPort) {
        emptyRealm();
        realmSettings();
        serviceProvider();
        spSigningKey();
        registryRefresh();
        for (TestIdps.Served spid : idps.served("spid")) {
            spidIdp(spid);
        }
        for (TestIdps.Served cie : idps.served("cie")) {
            cie(cie);
        }
        for (TestIdps.Served ficep : idps.served("ficep")) {
            ficep(ficep);
        }
        List<TestIdps.Served> nodes = idps.served("eidas-node");
        if (!nodes.isEmpty()) {
            eidasKeys();
            nodes.forEach(this::eidasNode);
        }
        app(appBaseUrl);
        legacyUser();
        cutover(CUTOVER_LATER);
        new HelpdeskSetup(admin, realm, MinistryApp.CLIENT_ID).run(smtpPort);
    }

    private String path(String rest) {
        return "/" + AdminClient.encode(realm) + rest;
    }

    private String realmId() {
        return admin.get(path("")).path("id").asText();
    }

    /** admin-guide 1. */
    void emptyRealm() {
        admin.post("", Map.of("realm", realm, "enabled", true));
    }

    /** admin-guide 2: theme, languages, events. */
    void realmSettings() {
        admin.put(path(""), Map.of("displayName", "Ministero del Lavoro e delle Politiche Sociali", "loginTheme", "spid-only", "internationalizationEnabled", true,
                "supportedLocales", List.of("it", "en"), "defaultLocale", "it",
                "eventsEnabled", true, "adminEventsEnabled", true, "adminEventsDetailsEnabled", true));
    }

    /** admin-guide 3, with the eIDAS attribute sets of docs/eidas.md ("Add FICEP", step 1). */
    void serviceProvider() {
        Map<String, List<String>> config = new LinkedHashMap<>();
        config.put("entityId", List.of("https://spid-only.example/" + realm));
        config.put("organizationNameIt", List.of("Ministero del Lavoro e delle Politiche Sociali"));
        config.put("organizationDisplayNameIt", List.of("Ministero del Lavoro"));
        config.put("organizationUrlIt", List.of("https://www.lavoro.gov.it"));
        config.put("organizationNameEn", List.of("Ministry of Labour and Social Policies"));
        config.put("organizationDisplayNameEn", List.of("Ministry of Labour"));
        config.put("organizationUrlEn", List.of("https://www.lavoro.gov.it"));
        config.put("spType", List.of("public"));
        config.put("ipaCode", List.of("m_lps"));
        config.put("contactEmail", List.of("spid@lavoro.example"));
        config.put("contactPhone", List.of("+390600000000"));
        config.put("acs0ServiceName", List.of("Servizi online del Ministero"));
        config.put("acs0Attributes", List.of("fiscalNumber", "name", "familyName", "email", "dateOfBirth", "spidCode", "mobilePhone"));
        config.put("defaultLevel", List.of("2"));
        config.put("eidasAttributeSets", List.of("true"));
        admin.create(path("/components"), Map.of("name", "SPID service provider", "providerId", "spid-service-provider",
                "providerType", UI_PAGE, "parentId", realmId(), "config", config));
    }

    /** admin-guide "SP signing key": the SPID-profile key provider (Avviso 29 v3), active. */
    void spSigningKey() {
        admin.create(path("/components"), Map.of("name", "SPID SP certificate", "providerId", "spid-sp-certificate",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId(),
                "config", Map.of("priority", List.of("50"), "active", List.of("true"), "localityName", List.of("Roma"),
                        "keySize", List.of("3072"), "validityDays", List.of("730"))));
    }

    /**
     * admin-guide 5: AgID's registry (the bundled copy), so the spid-registry page shows a refresh; the accredited
     * IdPs it adds lead to the real providers, which a demo cannot log in to, so they are then disabled (the registry
     * keeps that choice) and the login page offers the demo's own SPID IdPs.
     */
    void registryRefresh() {
        // docs/registry.md: the settings page (source bundled, refreshed on demand only), then "refresh now"
        admin.create(path("/components"), Map.of("name", "SPID registry", "providerId", "spid-registry", "providerType", UI_PAGE,
                "parentId", realmId(), "config", Map.of("source", List.of("bundled"), "refreshIntervalMinutes", List.of("0"))));
        admin.post(path("/spid-registry/refresh"), null);
        for (JsonNode idp : admin.get(path("/identity-provider/instances"))) {
            if (idp.path("enabled").asBoolean()) {
                ((ObjectNode) idp).put("enabled", false);
                admin.put(path("/identity-provider/instances/" + AdminClient.encode(idp.path("alias").asText())), idp);
            }
        }
    }

    /** admin-guide 4: one SPID IdP from its metadata URL. */
    void spidIdp(TestIdps.Served idp) {
        JsonNode parsed = admin.post(path("/identity-provider/import-config"), Map.of("providerId", "spid-saml", "fromUrl", idp.metadataUrl()));
        admin.post(path("/identity-provider/instances"), Map.of("alias", idp.alias(), "displayName", idp.name(),
                "providerId", "spid-saml", "enabled", true, "config", JSON.convertValue(parsed, Map.class)));
    }

    /**
     * admin-guide "CIE", REST: the CIE data of the SP (read the SP component, add the CIE keys, write it back whole),
     * then the CIE IdP from its metadata (environment custom: the test IdP's CIE mode).
     */
    void cie(TestIdps.Served idp) {
        for (JsonNode component : admin.get(path("/components?type=" + UI_PAGE))) {
            if ("spid-service-provider".equals(component.path("providerId").asText())) {
                ObjectNode config = (ObjectNode) component.path("config");
                config.putArray("cieMunicipality").add("H501");
                config.putArray("cieProvince").add("RM");
                admin.put(path("/components/" + component.path("id").asText()), component);
            }
        }
        JsonNode parsed = admin.post(path("/identity-provider/import-config"), Map.of("providerId", "cie-saml", "fromUrl", idp.metadataUrl()));
        admin.post(path("/identity-provider/instances"), Map.of("alias", idp.alias(), "displayName", "CIE",
                "providerId", "cie-saml", "enabled", true, "config", JSON.convertValue(parsed, Map.class)));
    }

    /** docs/eidas.md "Add FICEP", step 2, environment custom (the test IdP in FICEP mode), set 99 at L2. */
    void ficep(TestIdps.Served idp) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("ficepEnvironment", "custom");
        config.put("idpEntityId", idp.entityId());
        config.put("singleSignOnServiceUrl", idp.ssoUrl());
        config.put("singleLogoutServiceUrl", idp.sloUrl());
        config.put("signingCertificate", idp.signingCertificate());
        config.put("postBindingAuthnRequest", "true");
        config.put("postBindingResponse", "true");
        config.put("postBindingLogout", "true");
        config.put("attributeConsumingServiceIndex", "99");
        config.put("spidLevel", "2");
        admin.create(path("/identity-provider/instances"), Map.of("alias", idp.alias(), "displayName", "EU citizens (eIDAS via FICEP)",
                "providerId", "eidas-ficep", "enabled", true, "config", config));
    }

    /** docs/eidas.md "Add a native eIDAS node", step 1: a PS256 key (RSA 3072) and an RSA-OAEP key to decrypt. */
    void eidasKeys() {
        String id = realmId();
        admin.create(path("/components"), Map.of("name", "eidas-pss", "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", id,
                "config", Map.of("priority", List.of("200"), "keySize", List.of("3072"), "algorithm", List.of("PS256"))));
        admin.create(path("/components"), Map.of("name", "eidas-oaep", "providerId", "rsa-enc-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", id,
                "config", Map.of("priority", List.of("200"), "keySize", List.of("3072"), "algorithm", List.of("RSA-OAEP"))));
    }

    /** docs/eidas.md "Add a native eIDAS node", step 2. */
    void eidasNode(TestIdps.Served node) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("idpEntityId", node.entityId());
        config.put("singleSignOnServiceUrl", node.ssoUrl());
        config.put("signingCertificate", node.signingCertificate());
        config.put("eidasLevel", "substantial");
        admin.create(path("/identity-provider/instances"), Map.of("alias", node.alias(), "displayName", node.name(),
                "providerId", "eidas-node", "enabled", true, "config", config));
    }

    /** admin-guide 6: the ministry's app, a public client with PKCE, and where it may return after logout. */
    void app(String appBaseUrl) {
        admin.post(path("/clients"), Map.of("clientId", MinistryApp.CLIENT_ID, "name", "Dimissioni volontarie",
                "publicClient", true, "standardFlowEnabled", true, "directAccessGrantsEnabled", false,
                "rootUrl", appBaseUrl, "redirectUris", List.of(appBaseUrl + "/callback"), "webOrigins", List.of("+"),
                "attributes", Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", appBaseUrl + "/logged-out")));
    }

    /** admin-guide 7: a legacy cliclavoro account with its password. */
    void legacyUser() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", LEGACY_USER);
        user.put("enabled", true);
        user.put("firstName", "Lucia");
        user.put("lastName", "Ferrari");
        user.put("email", LEGACY_USER + "@cliclavoro.example");
        user.put("emailVerified", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", LEGACY_PASSWORD, "temporary", false)));
        admin.create(path("/users"), user);
    }

    /** admin-guide 8: the cutover, local date-time in Rome. */
    void cutover(String localDateTime) {
        admin.put(path("/spid-cutover"), Map.of("enabled", true, "cutoverAt", localDateTime, "timeZone", "Europe/Rome"));
    }

    /** The help desk of docs/admin-guide.md ("Help desk", REST), in the SPID realm, with two operators. */
    static final class HelpdeskSetup {
        private final AdminClient admin;
        private final String realm;
        private final String app;

        HelpdeskSetup(AdminClient admin, String realm, String app) {
            this.admin = admin;
            this.realm = realm;
            this.app = app;
        }

        void run(int smtpPort) {
            realmSettings(smtpPort);
            settingsPage();
            admin.post(path("/roles"), Map.of("name", "helpdesk-operator", "description", "Help-desk operators"));
            admin.post(path("/authentication/register-required-action"), Map.of("providerId", "helpdesk-set-password", "name", "Set help-desk password"));
            ObjectNode action = (ObjectNode) admin.get(path("/authentication/required-actions/helpdesk-set-password"));
            action.put("priority", admin.get(path("/authentication/required-actions/CONFIGURE_TOTP")).path("priority").asInt() - 1);
            admin.put(path("/authentication/required-actions/helpdesk-set-password"), action);
            browserFlow();
            operatorClient(operatorFlow());
            String uuid = admin.get(path("/clients?clientId=" + app)).path(0).path("id").asText();
            admin.post(path("/clients/" + uuid + "/protocol-mappers/models"), Map.of("name", "help-desk acr", "protocol", "openid-connect",
                    "protocolMapper", "helpdesk-acr-mapper",
                    "config", Map.of("id.token.claim", "true", "access.token.claim", "true", "introspection.token.claim", "true")));
            operator(OPERATOR_A, "Anna", "Operatrice");
            operator(OPERATOR_B, "Bruno", "Operatore");
        }

        private String path(String rest) {
            return "/" + AdminClient.encode(realm) + rest;
        }

        private void realmSettings(int smtpPort) {
            ObjectNode rep = (ObjectNode) admin.get(path(""));
            rep.put("bruteForceProtected", true);
            rep.put("failureFactor", 5);
            ObjectNode smtp = rep.putObject("smtpServer");
            smtp.put("host", "127.0.0.1");
            smtp.put("port", String.valueOf(smtpPort));
            smtp.put("from", "helpdesk@lavoro.example");
            smtp.put("fromDisplayName", "Help Desk Ministero del Lavoro");
            admin.put(path(""), rep);
        }

        private void settingsPage() {
            admin.create(path("/components"), Map.of("name", "help desk", "providerId", "spid-helpdesk", "providerType", UI_PAGE,
                    "parentId", admin.get(path("")).path("id").asText(),
                    "config", Map.of("loginEntry", List.of("form"), "credentialMaxValidity", List.of("P2Y"), "activationValidity", List.of("PT24H"))));
        }

        private void browserFlow() {
            topLevelFlow("helpdesk browser");
            execution("helpdesk browser", "auth-cookie", "ALTERNATIVE");
            execution("helpdesk browser", "identity-provider-redirector", "ALTERNATIVE");
            subFlow("helpdesk browser", "helpdesk forms", "ALTERNATIVE");
            // the realm's one login form: help-desk users and, until the cutover, legacy accounts (lucia.ferrari)
            execution("helpdesk forms", "helpdesk-username-password-form", "REQUIRED");
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
            client.put("clientId", OPERATOR_CLIENT);
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

        private void operator(String username, String first, String last) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", username);
            user.put("enabled", true);
            user.put("email", username + "@lavoro.example");
            user.put("emailVerified", true);
            user.put("firstName", first);
            user.put("lastName", last);
            user.put("credentials", List.of(Map.of("type", "password", "value", OPERATOR_PASSWORD, "temporary", false)));
            String id = admin.create(path("/users"), user);
            admin.post(path("/users/" + id + "/role-mappings/realm"), List.of(admin.get(path("/roles/helpdesk-operator"))));
        }

        private String topLevelFlow(String alias) {
            return admin.create(path("/authentication/flows"), Map.of("alias", alias, "providerId", "basic-flow", "topLevel", true,
                    "builtIn", false, "description", alias));
        }

        private void subFlow(String parent, String alias, String requirement) {
            admin.post(path("/authentication/flows/" + AdminClient.encode(parent) + "/executions/flow"),
                    Map.of("alias", alias, "type", "basic-flow", "provider", "registration-page-form", "description", alias));
            setRequirement(parent, e -> alias.equals(e.path("displayName").asText()), requirement);
        }

        /** Adds {@code provider} to {@code flow} with {@code requirement}; returns the execution's id. */
        private String execution(String flow, String provider, String requirement) {
            admin.post(path("/authentication/flows/" + AdminClient.encode(flow) + "/executions/execution"), Map.of("provider", provider));
            return setRequirement(flow, e -> provider.equals(e.path("providerId").asText()) && e.path("level").asInt() == 0, requirement);
        }

        private String setRequirement(String flow, Predicate<JsonNode> which, String requirement) {
            for (JsonNode e : admin.get(path("/authentication/flows/" + AdminClient.encode(flow) + "/executions"))) {
                if (which.test(e)) {
                    admin.put(path("/authentication/flows/" + AdminClient.encode(flow) + "/executions"), ((ObjectNode) e).put("requirement", requirement));
                    return e.path("id").asText();
                }
            }
            throw new IllegalStateException("no such execution in " + flow);
        }
    }
}
