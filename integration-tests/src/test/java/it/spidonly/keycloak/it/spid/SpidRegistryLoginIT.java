package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.TestRegistry;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * The SPID test IdP published in a test registry signed by a test key: the scheduler imports it by itself, and a
 * citizen logs in through the imported IdP end to end.
 */
@ExtendWith(KeycloakServer.class)
class SpidRegistryLoginIT {
    private static final SigningCredential REGISTRY_KEY = SigningCredential.generate("test registry for logins");
    /** The alias the registry gives the test IdP: {@code spid-} and its host. */
    private static final String IMPORTED_ALIAS = "spid-127-0-0-1";
    private static final Duration SCHEDULER_WAIT = Duration.ofSeconds(90);

    private SpidRealmFixture fixture;
    private RegistryAdmin registry;

    @BeforeEach
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-registry-login", true);
        registry = new RegistryAdmin(keycloak, fixture.name());
        // the realm starts without SPID IdPs: the registry brings the test IdP
        fixture.keycloak.admin().delete("/" + fixture.name() + "/identity-provider/instances/" + SpidRealmFixture.IDP_ALIAS);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theScheduledRefreshImportsTheTestIdpAndACitizenLogsInThroughIt() throws Exception {
        String xml = TestRegistry.entitiesOf(SpidRegistryIT.bundled()).add(fixture.idp.metadataXml())
                .logo(fixture.idp.entityId(), "https://spid-only.example/logo-test-idp.svg").signedWith(REGISTRY_KEY);
        registry.saveOk(Map.of("source", RegistryAdmin.writeFile(xml), "registryCertificate", REGISTRY_KEY.certificatePem(),
                "refreshIntervalMinutes", "360"));

        JsonNode status = awaitScheduledRefresh();
        assertEquals("ok", status.path("result").asText(), status.toString());
        assertTrue(status.path("added").asText().contains(IMPORTED_ALIAS), status.toString());
        assertTrue(Instant.parse(status.path("nextRun").asText()).isAfter(Instant.now()), "the next run is announced");
        JsonNode imported = registry.idp(IMPORTED_ALIAS);
        assertEquals(fixture.idp.entityId(), imported.path("config").path("idpEntityId").asText());
        assertEquals("https://spid-only.example/logo-test-idp.svg", imported.path("config").path("kcTheme-spidLogo").asText());

        OidcTestClient.Tokens tokens = new SpidLoginDriver(fixture).fullLogin(IMPORTED_ALIAS, Map.of(), "mario.rossi", "password123");
        assertEquals("rssmra80a01h501u", tokens.idTokenClaims().getStringClaim("preferred_username"));
        JsonNode links = fixture.keycloak.admin().get("/" + fixture.name() + "/users/"
                + fixture.keycloak.admin().findUserByUsername(fixture.name(), "rssmra80a01h501u").path("id").asText()
                + "/federated-identity");
        assertEquals(IMPORTED_ALIAS, links.path(0).path("identityProvider").asText(), "linked to the imported IdP");
    }

    @Test
    void aScheduledRefreshOfARefusedRegistryKeepsTheRealmAndShowsWhy() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("source", RegistryAdmin.writeFile(
                TestRegistry.entitiesOf(SpidRegistryIT.bundled()).signedWith(SigningCredential.generate("a stranger"))),
                "registryCertificate", REGISTRY_KEY.certificatePem(), "refreshIntervalMinutes", "360"));
        registry.saveOk(settings);
        JsonNode status = awaitScheduledRefresh();
        assertEquals("spidRegistryBadSignature", status.path("result").asText(), status.toString());
        assertTrue(status.path("message").asText().contains("does not verify"), status.toString());
        assertEquals("", status.path("lastSuccess").asText());
        assertTrue(registry.spidIdps().isEmpty(), "nothing imported");
        assertFalse(status.path("nextRun").asText().isEmpty());
    }

    private JsonNode awaitScheduledRefresh() throws InterruptedException {
        Instant deadline = Instant.now().plus(SCHEDULER_WAIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = registry.status();
            if ("scheduled".equals(status.path("trigger").asText())) {
                return status;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no scheduled refresh within " + SCHEDULER_WAIT + "; status " + registry.status()
                + "\n" + fixture.keycloak.logTail());
    }
}
