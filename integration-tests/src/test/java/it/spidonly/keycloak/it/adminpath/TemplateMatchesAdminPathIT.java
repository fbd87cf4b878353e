package it.spidonly.keycloak.it.adminpath;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * The realm template of the ITs, the demo and docker compose ({@link SpidRealm}) is exactly what an administrator
 * gets by following docs/admin-guide.md's "With the admin REST API" steps 1–4 and 6 from an empty realm, with the
 * same values: the template, imported as the fixtures import it, and the guide's realm ({@link AdminGuideRealm}) are
 * read back through the admin REST API and compared whole. A difference fails with {@code path: template -> guide}.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateMatchesAdminPathIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = "ministry-demo-app";
    private static final String REDIRECT_URI = "http://127.0.0.1:1/callback";

    private KeycloakServer keycloak;
    private AdminGuideRealm guide;
    private final List<String> templates = new ArrayList<>();

    @BeforeAll
    void realms(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        guide = AdminGuideRealm.empty(keycloak, "guide", List.of());
        guide.realmSettings().serviceProvider(templateSpSettings(guide.spEntityId())).spidIdp().app(APP, REDIRECT_URI);
    }

    @AfterAll
    void close() {
        templates.forEach(keycloak.admin()::deleteRealm);
        if (guide != null) {
            guide.close();
        }
    }

    @Test
    void theTemplateIsWhatTheAdminGuidesStepsMake() {
        List<String> differences = JsonDiff.of(snapshot(importTemplate(template())), snapshot(guide.name));

        assertTrue(differences.isEmpty(), () -> "template -> admin guide:\n" + String.join("\n", differences));
    }

    /** The comparison can fail: a template that gives the IdP more than the guide's admin gets is caught, by path. */
    @Test
    void aTemplateThatSaysMoreThanTheGuideIsCaught() {
        ObjectNode template = template();
        ((ObjectNode) template.path("identityProviders").path(0)).put("trustEmail", true);

        List<String> differences = JsonDiff.of(snapshot(importTemplate(template)), snapshot(guide.name));

        assertTrue(differences.contains("identityProviders[alias=spid-test-idp].trustEmail: true -> false"),
                () -> String.join("\n", differences));
    }

    /** The SP settings of the template, as the admin types them in step 3 (the guide's keys and its optional ones). */
    private static Map<String, List<String>> templateSpSettings(String entityId) {
        Map<String, List<String>> config = AdminGuideRealm.spSettings(entityId,
                "fiscalNumber", "name", "familyName", "email", "dateOfBirth", "spidCode");
        config.put("organizationNameEn", List.of("Ministry of Labour and Social Policies"));
        config.put("organizationDisplayNameEn", List.of("Ministry of Labour"));
        config.put("organizationUrlEn", List.of("https://www.lavoro.gov.it/en"));
        config.put("contactPhone", List.of("+390600000000"));
        config.put("acs0ServiceName", List.of("Servizi online del Ministero"));
        config.put("acs1ServiceName", List.of("Identificativo minimo"));
        config.put("acs1Attributes", List.of("fiscalNumber", "spidCode"));
        config.put("signatureAlgorithm", List.of("RSA_SHA256"));
        config.put("defaultLevel", List.of("2"));
        config.put("comparison", List.of("minimum"));
        return config;
    }

    /** The template with the same values as the guide's realm: its SP entity id pattern, the same test IdP, the app. */
    private ObjectNode template() {
        String name = "tmpl-" + UUID.randomUUID().toString().substring(0, 8);
        String json = SpidRealm.named(name)
                .testIdp(guide.idp.baseUrl(), guide.idp.entityId(), guide.idp.signingCertificateBase64())
                .appRedirectUri(REDIRECT_URI)
                .toJson();
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String importTemplate(ObjectNode template) {
        String name = template.path("realm").asText();
        keycloak.admin().importRealm(template.toString());
        templates.add(name);
        return name;
    }

    private JsonNode snapshot(String realm) {
        ObjectNode snapshot = RealmSnapshot.of(keycloak.admin(), realm);
        write(realm, snapshot);
        return snapshot;
    }

    private void write(String realm, JsonNode snapshot) {
        try {
            Path file = Path.of(System.getProperty("test.output", "target"), "realm-snapshots", realm + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
