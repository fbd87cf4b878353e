package it.spidonly.keycloak.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.cluster.ClusterNodeArgs;
import it.spidonly.keycloak.testsupport.cluster.KeycloakCluster;
import it.spidonly.keycloak.testsupport.cluster.KeycloakClusterExtension;
import it.spidonly.keycloak.testsupport.cluster.RoundRobinProxy;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskAdminSetup;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskApi;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskOperatorLogin;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskRealm;
import it.spidonly.keycloak.testsupport.helpdesk.Proofings;

/**
 * The bundle on a two-node Keycloak cluster (PostgreSQL, Infinispan over JGroups with JDBC ping, the image's
 * build options), behind a round-robin balancer without sticky sessions: one browser, every request to the next
 * node, and the hops that matter sent to a chosen node.
 *
 * <p>One cluster for the whole class (starting one is expensive). Add cluster checks here as further tests with an
 * {@code @Order} below {@link #LAST}: the last test stops node 1. The nodes' registry scheduler looks for due realms
 * every 2 s instead of every minute ({@link ClusterNodeArgs}).
 */
@ExtendWith(KeycloakClusterExtension.class)
@ClusterNodeArgs("--spi-ui-page--spid-registry--tick-seconds=2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    /** The order of the failover test, which stops node 1: every other test runs before it. */
    static final int LAST = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UI_PAGE = "org.keycloak.services.ui.extend.UiPageProvider";
    /** How often each node's registry scheduler looks for due realms here (production: every minute). */
    private static final Duration REGISTRY_TICK = Duration.ofSeconds(2);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    private KeycloakCluster cluster;
    private ClusterSpidRealm realm;

    @BeforeAll
    void realm(KeycloakCluster cluster) {
        this.cluster = cluster;
        realm = ClusterSpidRealm.create(cluster, "cluster");
    }

    @AfterAll
    void close() {
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    @Order(1)
    void bothNodesRunTheImagesKeycloakBuildOnPostgresql() throws Exception {
        for (int node = 1; node <= 2; node++) {
            JsonNode info = cluster.node(node).admin().serverInfo();
            assertEquals(System.getProperty("keycloak.dist.version"), info.path("systemInfo").path("version").asText());
            assertEquals(2, cluster.node(node).lastClusterViewSize(), "node " + node + " sees both nodes");
            assertEquals(200, ClusterHttp.status(cluster.node(node).managementUrl() + "/health/ready"));
            assertTrue(ClusterHttp.get(cluster.node(node).managementUrl() + "/metrics").contains("jvm_"), "metrics are enabled");
        }
        assertEquals("1", cluster.database().queryOne("select count(*) from realm where name = '" + realm.name() + "'"),
                "the realm is in the cluster's PostgreSQL database");
    }

    @Test
    @Order(1)
    void theImagesHealthCheckCommandPassesOnEachReadyNodeAndFailsWithoutOne() throws Exception {
        ImageHealthCheck check = ImageHealthCheck.ofDockerfile();
        for (int node = 1; node <= 2; node++) {
            int port = URI.create(cluster.node(node).managementUrl()).getPort();
            assertEquals(0, check.exitCodeAgainst(port), "HEALTHCHECK of docker/Dockerfile against node " + node);
        }
        assertNotEquals(0, check.exitCodeAgainst(1), "nothing listens on port 1: unhealthy");
    }

    @Test
    @Order(2)
    void aSpidLoginStartedOnNode1CompletesOnNode2() {
        ClusterLogin login = new ClusterLogin(realm);
        int before = cluster.balancer().served().size();

        Page idpLogin = login.startOn(1);
        Page end = login.finishOn(2, idpLogin, "mario.rossi");
        OidcTestClient.Tokens tokens = login.tokensOn(1, end);

        List<RoundRobinProxy.Served> served = cluster.balancer().served().subList(before, cluster.balancer().served().size());
        assertEquals(1, ClusterLogin.nodeOf(served, "GET", "/realms/" + realm.name() + "/protocol/openid-connect/auth"));
        assertEquals(2, ClusterLogin.nodeOf(served, "POST", "/realms/" + realm.name() + "/spid/acs"));
        assertEquals("rssmra80a01h501u", tokens.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals("Mario", tokens.idTokenClaims().getStringClaim("given_name"));
        assertEquals(Set.of(1, 2), served.stream().map(RoundRobinProxy.Served::node).collect(Collectors.toSet()),
                () -> "no stickiness: the login's requests went to both nodes: " + served);
    }

    @Test
    @Order(3)
    void theSameSamlResponseReplayedToTheOtherNodeIsRefused() {
        ClusterLogin login = new ClusterLogin(realm);
        Page end = login.finishOn(2, login.startOn(1), "giulia.bianchi");
        login.tokensOn(2, end);
        long since = System.currentTimeMillis() - 1000;

        Page replayed = login.postToAcsOn(1, login.samlResponse, login.relayState);

        assertEquals(1, ClusterLogin.nodeOf(cluster.balancer().served(), "POST", "/realms/" + realm.name() + "/spid/acs"));
        assertEquals(400, replayed.status(), () -> replayed + "\n" + replayed.body());
        assertFalse(replayed.isRedirect());
        JsonNode event = realm.loginError("spid.assertion.replay", since);
        assertNotNull(event, "node 1 names the replay: it knows the assertion node 2 accepted");
        assertEquals("invalid_saml_response", event.path("error").asText());
    }

    @Test
    @Order(4)
    void spSettingsSavedThroughNode1AreServedByNode2() {
        String metadataUrl = cluster.node(2).url() + "/realms/" + realm.name() + "/spid/metadata";
        assertTrue(ClusterHttp.get(metadataUrl).contains(">Ministero del Lavoro</"), "node 2 has served (and cached) the old settings");
        String newName = "Ministero del Lavoro " + UUID.randomUUID().toString().substring(0, 6);

        ObjectNode sp = spComponent(1);
        ((ArrayNode) sp.path("config").path("organizationDisplayNameIt")).removeAll().add(newName);
        cluster.node(1).admin().put(realm.path() + "/components/" + sp.path("id").asText(), sp);

        assertTrue(ClusterHttp.get(metadataUrl).contains(">" + newName + "</"), "node 2's SP metadata shows the change made on node 1");
        assertEquals(newName, spComponent(2).path("config").path("organizationDisplayNameIt").path(0).asText());
    }

    @Test
    @Order(5)
    void registryStateWrittenThroughNode1IsSeenByNode2() throws Exception {
        List<String> before = aliases(cluster.node(2).admin().get(realm.path() + "/identity-provider/instances"));
        assertEquals(List.of(ClusterSpidRealm.IDP_ALIAS), before, "node 2 has loaded the realm's IdPs");

        HttpResponse<String> refreshed = cluster.node(1).admin().send("POST", realm.path() + "/spid-registry/refresh", null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        List<String> added = new ArrayList<>();
        JSON.readTree(refreshed.body()).path("added").forEach(a -> added.add(a.isTextual() ? a.asText() : a.path("alias").asText()));
        assertFalse(added.isEmpty(), refreshed.body());

        List<String> onNode2 = aliases(cluster.node(2).admin().get(realm.path() + "/identity-provider/instances"));
        assertTrue(onNode2.containsAll(added), () -> "node 2 lists " + onNode2 + ", node 1 added " + added);
        ClusterLogin browser = new ClusterLogin(realm);
        String loginPage = browser.app.authorizationUrl().toString();
        cluster.balancer().sendNextTo(2);
        Page page = browser.browser.get(loginPage);
        assertEquals(200, page.status(), page::toString);
        for (String alias : added) {
            assertNotNull(page.document().getElementById("social-" + alias), () -> "node 2's login page offers " + alias);
        }
    }

    @Test
    @Order(6)
    void theScheduledRegistryRefreshRunsOnOneNodeOnly() throws Exception {
        // the registry settings page, saved through node 1: AgID's registry as shipped, refreshed every 6 hours
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("name", "SPID registry");
        page.put("providerId", "spid-registry");
        page.put("providerType", UI_PAGE);
        page.put("parentId", cluster.node(1).admin().get(realm.path()).path("id").asText());
        page.put("config", Map.of("source", List.of("bundled"), "refreshIntervalMinutes", List.of("360")));
        cluster.node(1).admin().post(realm.path() + "/components", page);

        JsonNode status = awaitScheduledRefreshSeenBy(2);
        assertEquals("ok", status.path("result").asText(), status::toString);
        // both nodes look for due realms every 2 s (@ClusterNodeArgs): give each of them several more looks at this slot
        Thread.sleep(REGISTRY_TICK.multipliedBy(5).toMillis());

        Pattern ran = Pattern.compile("SPID registry: scheduled refresh of realm " + Pattern.quote(realm.name()) + ", slot ");
        long node1 = cluster.node(1).countInLog(ran);
        long node2 = cluster.node(2).countInLog(ran);
        assertEquals(1, node1 + node2, () -> "one scheduled refresh in the cluster for this slot: node 1 ran " + node1
                + ", node 2 ran " + node2);
    }

    @Test
    @Order(901)
    void helpDeskRecordsWrittenThroughNode1AreSeenByNode2() {
        String realmName = "cluster-helpdesk-" + UUID.randomUUID().toString().substring(0, 8);
        // the help desk as docs/admin-guide.md sets it up (admin REST through node 1, from an empty realm)
        HelpdeskAdminSetup setup = HelpdeskAdminSetup.of(cluster.node(1).admin(), realmName).smtpPort(MAIL.getSmtp().getPort()).cap("P2Y").run();
        try {
            setup.user(HelpdeskRealm.OPERATOR_ONE, HelpdeskRealm.OPERATOR_PASSWORD, true);
            setup.user(HelpdeskRealm.OPERATOR_TWO, HelpdeskRealm.OPERATOR_PASSWORD, true);
            HelpdeskApi one = HelpdeskApi.withToken(cluster.node(1).url(), realmName, operatorToken(realmName, HelpdeskRealm.OPERATOR_ONE));
            HelpdeskApi two = HelpdeskApi.withToken(cluster.node(2).url(), realmName, operatorToken(realmName, HelpdeskRealm.OPERATOR_TWO));
            String email = "cluster-" + UUID.randomUUID().toString().substring(0, 8) + "@user.example";
            Map<String, Object> proofing = Proofings.usPassport(email);

            HelpdeskApi.Answer recorded = one.post("/records", proofing);
            assertEquals(201, recorded.status(), recorded::toString);
            String id = recorded.body().path("id").asText();

            HelpdeskApi.Answer seen = two.get("/records/" + id);
            assertEquals(200, seen.status(), seen::toString);
            assertEquals("PENDING", seen.body().path("state").asText());
            assertEquals(HelpdeskRealm.OPERATOR_ONE, seen.body().path("recordedBy").asText(), "node 2 reads node 1's record");
            HelpdeskApi.Answer duplicate = two.post("/records", proofing);
            assertEquals(409, duplicate.status(), () -> "node 2 knows the document is taken: " + duplicate);

            HelpdeskApi.Answer approved = two.post("/records/" + id + "/approve", Map.of("evidenceRef", "cluster-ticket"));
            assertEquals(200, approved.status(), approved::toString);
            assertEquals("ISSUED", one.get("/records/" + id).body().path("state").asText(), "node 1 sees node 2's approval");
            assertEquals(HelpdeskRealm.OPERATOR_TWO, one.get("/records/" + id).body().path("approvedBy").asText());
            assertTrue(java.util.Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equalsIgnoreCase(email);
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }), "the activation e-mail went out");
        } finally {
            cluster.node(1).admin().deleteRealm(realmName);
        }
    }

    @Test
    @Order(LAST)
    void afterNode1StopsSessionsAndRefreshTokensKeepWorkingOnNode2() throws Exception {
        ClusterLogin login = new ClusterLogin(realm);
        Page end = login.finishOn(1, login.startOn(1), "francesca.esposito");
        OidcTestClient.Tokens tokens = login.tokensOn(1, end);
        int authnRequests = realm.idp.receivedRequests().size();

        cluster.stopNode(1);
        int since = cluster.balancer().served().size();

        JsonNode refreshed = ClusterHttp.refresh(realm.realmUrl(), ClusterSpidRealm.APP, tokens.refreshToken());
        assertFalse(refreshed.path("access_token").asText().isEmpty(), refreshed::toString);
        JsonNode me = JSON.readTree(ClusterHttp.get(realm.realmUrl() + "/protocol/openid-connect/userinfo",
                refreshed.path("access_token").asText()));
        assertEquals("spsfnc75c62f839w", me.path("preferred_username").asText(), me::toString);

        Page sso = login.browser.get(login.app.authorizationUrl().toString());
        OidcTestClient.Tokens again = login.tokensOn(2, sso);
        assertEquals("spsfnc75c62f839w", again.idTokenClaims().getStringClaim("preferred_username"));
        assertEquals(authnRequests, realm.idp.receivedRequests().size(), "the SSO session was used: no new SPID login");
        List<RoundRobinProxy.Served> after = cluster.balancer().served().subList(since, cluster.balancer().served().size());
        assertFalse(after.isEmpty());
        assertTrue(after.stream().allMatch(s -> s.node() == 2), () -> "node 2 served all: " + after);
        assertEquals(1, cluster.node(2).lastClusterViewSize(), "node 2 knows it is alone");
    }

    /**
     * An operator's access token as the guide's step 9 has it: at the operators' page through the balancer (the
     * cluster's hostname, which the operator client's redirect URIs are relative to), the first login enrols the
     * authenticator app, the second one types its code (the API accepts only such a login).
     */
    private String operatorToken(String realmName, String username) {
        HelpdeskOperatorLogin operator = HelpdeskOperatorLogin.of(cluster.url(), realmName, username, HelpdeskRealm.OPERATOR_PASSWORD);
        operator.login();
        return operator.login();
    }

    /** The realm's registry status as node {@code node} serves it, once a scheduled refresh has run (at most 2 min). */
    private JsonNode awaitScheduledRefreshSeenBy(int node) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            status = cluster.node(node).admin().get(realm.path() + "/spid-registry").path("status");
            if ("scheduled".equals(status.path("trigger").asText())) {
                return status;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no scheduled registry refresh within 2 min; status on node " + node + ": " + status
                + "\n" + cluster.node(1).logTail() + "\n" + cluster.node(2).logTail());
    }

    private ObjectNode spComponent(int node) {
        for (JsonNode component : cluster.node(node).admin().get(realm.path() + "/components?type=" + UI_PAGE)) {
            if ("spid-service-provider".equals(component.path("providerId").asText())) {
                return (ObjectNode) component;
            }
        }
        throw new AssertionError("no spid-service-provider component in " + realm.name());
    }

    private static List<String> aliases(JsonNode idps) {
        List<String> aliases = new ArrayList<>();
        idps.forEach(idp -> aliases.add(idp.path("alias").asText()));
        return aliases;
    }
}
