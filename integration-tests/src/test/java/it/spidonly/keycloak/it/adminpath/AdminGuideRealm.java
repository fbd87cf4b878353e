package it.spidonly.keycloak.it.adminpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskAdminSetup;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * A realm set up only as docs/admin-guide.md tells an administrator, step by step, through the admin REST API (the
 * guide's "With the admin REST API" section, same payloads), from an empty realm: no realm template. Each step is a
 * method, so a test can stop early or skip one; {@link #complete} runs them all in the guide's order. Closed by the
 * test class (stops the test IdP, deletes the realm).
 */
public final class AdminGuideRealm implements AutoCloseable {
    public static final String APP = "ministry-app";
    public static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    public static final String IDP_ALIAS = "spid-test-idp";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final KeycloakServer keycloak;
    public final String name;
    public final SpidTestIdp idp;

    private AdminGuideRealm(KeycloakServer keycloak, String name, SpidTestIdp idp) {
        this.keycloak = keycloak;
        this.name = name;
        this.idp = idp;
    }

    /** Step 1: an empty realm ({@code POST /admin/realms}); the test IdP (with {@code idpUsers}) waits for its SP. */
    public static AdminGuideRealm empty(KeycloakServer keycloak, String prefix, List<TestUser> idpUsers) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.admin().post("", Map.of("realm", name, "enabled", true));
        SpidTestIdp idp = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0)
                .spMetadataUrl(keycloak.realmUrl(name) + "/spid/metadata").users(idpUsers).build());
        return new AdminGuideRealm(keycloak, name, idp);
    }

    /** Every step of the guide, in its order, with the SPID test IdP's demo citizens. */
    public static AdminGuideRealm complete(KeycloakServer keycloak, String prefix) {
        return empty(keycloak, prefix, TestUser.demoUsers()).realmSettings().serviceProvider().spidIdp().registryRefresh().app();
    }

    public KeycloakAdmin admin() {
        return keycloak.admin();
    }

    public String realmUrl() {
        return keycloak.realmUrl(name);
    }

    /** The SP's entity id, as step 3 sets it. */
    public String spEntityId() {
        return "https://spid-only.example/" + name;
    }

    /** Where the realm publishes its SP metadata (the SP page's "metadata URL"). */
    public String metadataUrl() {
        return realmUrl() + "/spid/metadata";
    }

    /** Step 2: login theme, Italian and English, user and admin events on ({@code PUT /admin/realms/{realm}}). */
    public AdminGuideRealm realmSettings() {
        admin().put("/" + name, Map.of("loginTheme", "spid-only", "internationalizationEnabled", true,
                "supportedLocales", List.of("it", "en"), "defaultLocale", "it",
                "eventsEnabled", true, "adminEventsEnabled", true));
        return this;
    }

    /** Step 3: the SPID service provider, a realm component ({@code POST /admin/realms/{realm}/components}). */
    public AdminGuideRealm serviceProvider() {
        Map<String, List<String>> config = spSettings(spEntityId(), "fiscalNumber", "name", "familyName", "email",
                "dateOfBirth", "spidCode", "mobilePhone");
        config.put("contactPhone", List.of("+390600000000"));
        config.put("acs0ServiceName", List.of("Servizi online del Ministero"));
        config.put("defaultLevel", List.of("2"));
        return serviceProvider(config);
    }

    /** Step 3 with the settings an admin chose (the guide's keys and its optional ones). */
    public AdminGuideRealm serviceProvider(Map<String, List<String>> config) {
        createServiceProvider(admin(), name, config);
        return this;
    }

    /** The SP settings step 3 names (a ministry, public, one ACS asking {@code attributes}); a mutable map. */
    public static Map<String, List<String>> spSettings(String entityId, String... attributes) {
        Map<String, List<String>> config = new LinkedHashMap<>();
        config.put("entityId", List.of(entityId));
        config.put("organizationNameIt", List.of("Ministero del Lavoro e delle Politiche Sociali"));
        config.put("organizationDisplayNameIt", List.of("Ministero del Lavoro"));
        config.put("organizationUrlIt", List.of("https://www.lavoro.gov.it"));
        config.put("spType", List.of("public"));
        config.put("ipaCode", List.of("m_lps"));
        config.put("contactEmail", List.of("spid@lavoro.example"));
        config.put("acs0ServiceName", List.of("Servizi online"));
        config.put("acs0Attributes", List.of(attributes));
        return config;
    }

    /** Step 3's call in {@code realm} with these settings: the SP component's id. */
    public static String createServiceProvider(KeycloakAdmin admin, String realm, Map<String, List<String>> config) {
        return admin.create("/" + realm + "/components", Map.of("name", "SPID service provider", "providerId", "spid-service-provider",
                "providerType", "org.keycloak.services.ui.extend.UiPageProvider",
                "parentId", admin.get("/" + realm).path("id").asText(), "config", config));
    }

    /**
     * Step 4: a SPID IdP by hand from its metadata: {@code POST .../identity-provider/import-config} then
     * {@code POST .../identity-provider/instances} with what it answered: no trustEmail, no first-login flow.
     */
    public AdminGuideRealm spidIdp() {
        return spidIdp(Map.of());
    }

    /**
     * Step 4 where the admin changes some of the import-config answer before the second call (as in the console's
     * form after "import from metadata"), e.g. {@code postBindingAuthnRequest}.
     */
    public AdminGuideRealm spidIdp(Map<String, String> adminChanges) {
        JsonNode parsed = admin().post("/" + name + "/identity-provider/import-config",
                Map.of("providerId", "spid-saml", "fromUrl", idp.metadataUrl()));
        Map<String, Object> config = new LinkedHashMap<>(JSON.convertValue(parsed, Map.class));
        config.putAll(adminChanges);
        admin().post("/" + name + "/identity-provider/instances", Map.of("alias", IDP_ALIAS, "displayName", "SPID test IdP",
                "providerId", "spid-saml", "enabled", true, "config", config));
        return this;
    }

    /** Step 5: AgID's registry, now ({@code POST .../spid-registry/refresh}; the bundled copy without settings). */
    public AdminGuideRealm registryRefresh() {
        admin().post("/" + name + "/spid-registry/refresh", null);
        return this;
    }

    /** Step 6: the ministry's app, a public OIDC client with PKCE ({@code POST .../clients}). */
    public AdminGuideRealm app() {
        return app(APP, REDIRECT_URI);
    }

    /** Step 6 with the admin's client id and redirect URI. */
    public AdminGuideRealm app(String clientId, String redirectUri) {
        admin().post("/" + name + "/clients", Map.of("clientId", clientId, "publicClient", true, "standardFlowEnabled", true,
                "redirectUris", List.of(redirectUri), "attributes", Map.of("pkce.code.challenge.method", "S256")));
        return this;
    }

    /** Step 7: a legacy account with its password and, when given, the fiscal number the admin sets; its id. */
    public String legacyUser(String username, String password, String fiscalNumber) {
        return legacyUser(admin(), name, username, password, fiscalNumber);
    }

    /** Step 7 in {@code realm}: a legacy (cliclavoro) account, e-mail verified; its id. */
    public static String legacyUser(KeycloakAdmin admin, String realm, String username, String password, String fiscalNumber) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", "Legacy");
        user.put("lastName", "User");
        user.put("email", username + "@cliclavoro.example");
        user.put("emailVerified", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        if (fiscalNumber != null) {
            user.put("attributes", Map.of("fiscalNumber", List.of(fiscalNumber)));
        }
        return admin.create("/" + realm + "/users", user);
    }

    /** Step 8: the cutover ({@code PUT .../spid-cutover}), local date-time in Rome, e.g. {@code 2020-11-15T00:00}. */
    public AdminGuideRealm cutover(String localDateTime) {
        admin().put("/" + name + "/spid-cutover", Map.of("enabled", true, "cutoverAt", localDateTime, "timeZone", "Europe/Rome"));
        return this;
    }

    /**
     * The guide's "Help desk" steps (REST), in this SPID realm: SMTP on {@code smtpPort}, credentials valid
     * {@code P2Y}, the help-desk forms beside the SPID IdP in the browser flow; no operators (add them with
     * {@link HelpdeskAdminSetup#user}).
     */
    public AdminGuideRealm helpdesk(int smtpPort) {
        HelpdeskAdminSetup.of(admin(), name).inSpidRealm().smtpPort(smtpPort).cap("P2Y").run();
        return this;
    }

    public String realmId() {
        return admin().get("/" + name).path("id").asText();
    }

    /** The user with exactly this username, or null. */
    public JsonNode user(String username) {
        return admin().findUserByUsername(name, username);
    }

    /** The realm's user events of {@code type}, newest first. */
    public JsonNode events(String type) {
        return admin().get("/" + name + "/events?type=" + type + "&max=100");
    }

    /** {@code GET /admin/realms/{realm}/spid-readiness} in {@code language}. */
    public JsonNode readiness(String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + name + "/spid-readiness"))
                .header("Authorization", "Bearer " + admin().accessToken()).header("Accept-Language", language).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("spid-readiness answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        idp.close();
        admin().deleteRealm(name);
    }
}
