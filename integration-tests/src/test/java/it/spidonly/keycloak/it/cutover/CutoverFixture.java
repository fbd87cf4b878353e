package it.spidonly.keycloak.it.cutover;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.inps.FakeInps;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.CutoverRealm;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * A fresh ministry realm around its cutover on the shared Keycloak: the SPID test IdP, the fake INPS (with an API
 * key), the legacy flows and apps; the cutover starts switched on and 30 days ahead. Closed by the test class.
 */
final class CutoverFixture implements AutoCloseable {
    static final String APP = "ministry-demo-app";
    static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    static final String IDP_ALIAS = "spid-test-idp";
    static final String INPS_API_KEY = "test-inps-key";

    final KeycloakServer keycloak;
    final String name;
    final SpidTestIdp idp;
    final FakeInps inps;

    private CutoverFixture(KeycloakServer keycloak, String name, SpidTestIdp idp, FakeInps inps) {
        this.keycloak = keycloak;
        this.name = name;
        this.idp = idp;
        this.inps = inps;
    }

    static CutoverFixture create(KeycloakServer keycloak, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        SpidTestIdp idp = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0)
                .spMetadataUrl(keycloak.realmUrl(name) + "/spid/metadata").users(TestUser.demoUsers()).build());
        FakeInps inps = FakeInps.start(0, INPS_API_KEY, FakeInps.demoPeople());
        SpidRealm spid = SpidRealm.named(name).testIdp(idp.baseUrl(), idp.entityId(), idp.signingCertificateBase64())
                .appRedirectUri(REDIRECT_URI);
        keycloak.admin().importRealm(CutoverRealm.of(spid).cutover(true, daysFromNow(30), "Europe/Rome")
                .inps(inps.endpoint(), INPS_API_KEY).toJson());
        CutoverFixture fixture = new CutoverFixture(keycloak, name, idp, inps);
        fixture.bindDirectGrantFlow(CutoverRealm.INPS_GRANT_APP, CutoverRealm.INPS_DIRECT_GRANT_FLOW);
        return fixture;
    }

    KeycloakAdmin admin() {
        return keycloak.admin();
    }

    String realmUrl() {
        return keycloak.realmUrl(name);
    }

    /** The realm's local date in Rome, {@code days} from today, at midnight: {@code yyyy-MM-ddT00:00}. */
    static String daysFromNow(int days) {
        return LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(days) + "T00:00";
    }

    /** Through the cutover REST API, as an admin would: the ministry's date, long passed. */
    void cutoverPassed() {
        admin().put("/" + name + "/spid-cutover", Map.of("enabled", true, "cutoverAt", "2020-11-15T00:00", "timeZone", "Europe/Rome"));
    }

    /** Through the cutover REST API: switched on, 30 days ahead. */
    void cutoverAhead() {
        admin().put("/" + name + "/spid-cutover", Map.of("enabled", true, "cutoverAt", daysFromNow(30), "timeZone", "Europe/Rome"));
    }

    void cutoverSwitchedOff() {
        admin().put("/" + name + "/spid-cutover", Map.of("enabled", false));
    }

    /** A legacy (cliclavoro) account: username, password and, when given, its fiscalNumber; returns its id. */
    String legacyUser(String username, String password, String fiscalNumber) {
        return AdminGuideRealm.legacyUser(admin(), name, username, password, fiscalNumber);
    }

    /** Binds {@code flowAlias} as the direct-grant flow of {@code clientId} (overrides name flows by id). */
    void bindDirectGrantFlow(String clientId, String flowAlias) {
        bindFlow(clientId, "direct_grant", flowAlias);
    }

    void bindBrowserFlow(String clientId, String flowAlias) {
        bindFlow(clientId, "browser", flowAlias);
    }

    private void bindFlow(String clientId, String binding, String flowAlias) {
        String flowId = null;
        for (JsonNode flow : admin().get("/" + name + "/authentication/flows")) {
            if (flowAlias.equals(flow.path("alias").asText())) {
                flowId = flow.path("id").asText();
            }
        }
        if (flowId == null) {
            throw new IllegalStateException("No flow " + flowAlias + " in " + name);
        }
        JsonNode client = admin().get("/" + name + "/clients?clientId=" + clientId).get(0);
        com.fasterxml.jackson.databind.node.ObjectNode updated = client.deepCopy();
        updated.putObject("authenticationFlowBindingOverrides").put(binding, flowId);
        admin().put("/" + name + "/clients/" + client.path("id").asText(), updated);
    }

    /**
     * What an admin does in the console: a new top-level flow {@code alias} (no spaces) with these authenticators,
     * each REQUIRED, in this order.
     */
    void createFlow(String alias, String... authenticators) {
        admin().post("/" + name + "/authentication/flows", Map.of("alias", alias, "providerId", "basic-flow",
                "topLevel", true, "builtIn", false, "description", "made by an admin"));
        for (String authenticator : authenticators) {
            admin().post("/" + name + "/authentication/flows/" + alias + "/executions/execution", Map.of("provider", authenticator));
        }
        for (JsonNode execution : admin().get("/" + name + "/authentication/flows/" + alias + "/executions")) {
            com.fasterxml.jackson.databind.node.ObjectNode required = execution.deepCopy();
            required.put("requirement", "REQUIRED");
            admin().put("/" + name + "/authentication/flows/" + alias + "/executions", required);
        }
    }

    /** A public client of the code flow, with PKCE, for {@code redirectUri}. */
    void createApp(String clientId, String redirectUri) {
        admin().post("/" + name + "/clients", Map.of("clientId", clientId, "publicClient", true, "standardFlowEnabled", true,
                "directAccessGrantsEnabled", true, "redirectUris", List.of(redirectUri),
                "attributes", Map.of("pkce.code.challenge.method", "S256")));
    }

    /** The realm's login events of {@code type} (newest first), e.g. LOGIN_ERROR. */
    /**
     * The citizen goes to the SPID test IdP and logs in there; the IdP's answer to Keycloak's ACS must lead straight
     * back to the app (no page of Keycloak's in between: no password prompt, no "account exists" question).
     */
    OidcTestClient.Tokens spidLoginToApp(String idpUsername) {
        HttpBrowser browser = new HttpBrowser().stopAt(REDIRECT_URI);
        OidcTestClient app = new OidcTestClient(browser, realmUrl(), APP, REDIRECT_URI);
        Page toIdp = browser.get(app.authorizationUrl(Map.of("kc_idp_hint", IDP_ALIAS)).toString());
        Page idpLogin = browser.submit(toIdp.element("form"));
        Page autoPost = browser.submit(idpLogin.element("form"), Map.of("username", idpUsername, "password", "password123"));
        Page end = browser.submit(autoPost.element("form"));
        org.junit.jupiter.api.Assertions.assertTrue(end.isRedirect() && end.location().startsWith(REDIRECT_URI), () -> end + "\n" + end.body());
        return app.exchange(end.location());
    }

    JsonNode events(String type) {
        return admin().get("/" + name + "/events?type=" + type + "&max=100");
    }

    /** The newest event of {@code type} whose error is {@code error}, or null. */
    JsonNode event(String type, String error) {
        for (JsonNode e : events(type)) {
            if (error.equals(e.path("error").asText())) {
                return e;
            }
        }
        return null;
    }

    void clearEvents() {
        admin().delete("/" + name + "/events");
    }

    @Override
    public void close() {
        idp.close();
        inps.close();
        admin().deleteRealm(name);
    }
}
