package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestRegistry;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** AgID's registry brought into a realm through the admin REST API: the real copy, refusals, rotations, leavers. */
@ExtendWith(KeycloakServer.class)
class SpidRegistryIT {
    static final String BUNDLED = "/spid-registry/spid-entities-idps.2025-11-24.xml";
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String POSTE = "https://posteid.poste.it";
    private static final String ARUBA = "https://loginspid.aruba.it";
    private static final SigningCredential REGISTRY_KEY = SigningCredential.generate("test registry");

    private SpidRealmFixture fixture;
    private RegistryAdmin registry;

    @BeforeEach
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-registry", true);
        registry = new RegistryAdmin(keycloak, fixture.name());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theRealRegistryCopyCreatesEveryIdpWithTheEntityIdsUrlsAndCertificatesOfTheFile() throws Exception {
        JsonNode result = registry.refreshOk();
        List<Map<String, Object>> expected = entitiesOfTheFile();
        assertEquals(12, expected.size());
        assertEquals(12, result.path("added").size(), result.toString());

        Map<String, JsonNode> byEntityId = new HashMap<>();
        registry.spidIdps().values().forEach(idp -> byEntityId.put(idp.path("config").path("idpEntityId").asText(), idp));
        for (Map<String, Object> entity : expected) {
            JsonNode idp = byEntityId.get((String) entity.get("entityId"));
            assertTrue(idp != null, () -> "an IdP for " + entity.get("entityId"));
            JsonNode config = idp.path("config");
            assertEquals(entity.get("sso"), config.path("singleSignOnServiceUrl").asText(), "SSO of " + entity.get("entityId"));
            assertEquals(entity.get("slo"), config.path("singleLogoutServiceUrl").asText(""), "SLO of " + entity.get("entityId"));
            assertEquals(entity.get("certificates"), new TreeSet<>(Arrays.asList(config.path("signingCertificate").asText().split(","))),
                    "signing certificates of " + entity.get("entityId"));
            assertEquals(entity.get("name"), idp.path("displayName").asText());
            assertTrue(idp.path("enabled").asBoolean());
            assertEquals("spid first broker login", idp.path("firstBrokerLoginFlowAlias").asText());
        }
    }

    @Test
    void adminChoicesSurviveARefreshAndIdpsThatLeftAreDisabledNotDeleted() {
        String metadataBefore = new HttpBrowser().get(fixture.metadataUrl()).body();
        fixture.keycloak.admin().post("/" + fixture.name() + "/identity-provider/instances", Map.of("alias", "spid-gone-example",
                "providerId", "spid-saml", "enabled", true, "config", Map.of("idpEntityId", "https://gone.example/idp",
                        "singleSignOnServiceUrl", "https://gone.example/sso", "spidRegistryManaged", "true")));

        JsonNode first = registry.refreshOk();
        assertEquals(List.of("spid-gone-example"), List.of(first.path("disabled").path(0).asText()));
        assertFalse(registry.idp("spid-gone-example").path("enabled").asBoolean(), "left the registry: disabled, not deleted");
        assertTrue(registry.idp(SpidRealmFixture.IDP_ALIAS).path("enabled").asBoolean(), "an IdP the registry does not manage is untouched");

        ObjectNode poste = (ObjectNode) registry.idp("spid-posteid-poste-it");
        poste.put("enabled", false).put("displayName", "Poste (admin's name)");
        ((ObjectNode) poste.path("config")).put("spidLevel", "3").put("guiOrder", "7");
        assertEquals(204, fixture.keycloak.admin().send("PUT", "/" + fixture.name() + "/identity-provider/instances/spid-posteid-poste-it",
                poste).statusCode());

        JsonNode second = registry.refreshOk();
        assertEquals(0, second.path("added").size());
        assertEquals(12, second.path("updated").size());
        JsonNode after = registry.idp("spid-posteid-poste-it");
        assertFalse(after.path("enabled").asBoolean(), "the admin's choice survives a refresh");
        assertEquals("Poste (admin's name)", after.path("displayName").asText());
        assertEquals("7", after.path("config").path("guiOrder").asText());
        assertEquals("3", after.path("config").path("spidLevel").asText());
        assertEquals(metadataBefore, new HttpBrowser().get(fixture.metadataUrl()).body(), "the SP metadata never changes with IdPs");
    }

    @Test
    void aSecondImportDisablesTheIdpThatLeftRotatesTheCertificateAndAReturningIdpComesBack() {
        registry.saveOk(fileSettings(TestRegistry.entitiesOf(bundled()).signedWith(REGISTRY_KEY)));
        registry.refreshOk();
        String arubaBefore = registry.idp("spid-loginspid-aruba-it").path("config").path("signingCertificate").asText();

        SigningCredential arubaNext = SigningCredential.generate("aruba next");
        registry.saveOk(fileSettings(TestRegistry.entitiesOf(bundled()).without(POSTE)
                .rotateSigningCertificate(ARUBA, arubaNext.certificateBase64()).signedWith(REGISTRY_KEY)));
        JsonNode second = registry.refreshOk();
        assertEquals(List.of("spid-posteid-poste-it"), texts(second.path("disabled")));
        assertFalse(registry.idp("spid-posteid-poste-it").path("enabled").asBoolean(), "Poste left the registry: disabled");
        JsonNode aruba = registry.idp("spid-loginspid-aruba-it");
        assertEquals(arubaNext.certificateBase64(), aruba.path("config").path("signingCertificate").asText(), "rotated");
        assertFalse(arubaBefore.contains(arubaNext.certificateBase64()));
        assertEquals("ok", registry.status().path("result").asText());
        assertEquals("spid-posteid-poste-it", registry.status().path("disabled").asText());

        registry.saveOk(fileSettings(TestRegistry.entitiesOf(bundled()).signedWith(REGISTRY_KEY)));
        registry.refreshOk();
        assertTrue(registry.idp("spid-posteid-poste-it").path("enabled").asBoolean(), "back in the registry: enabled again");
    }

    @Test
    void tamperedWronglySignedAndExpiredRegistriesAreRefusedAndTheRealmIsUnchanged() {
        registry.saveOk(fileSettings(TestRegistry.entitiesOf(bundled()).signedWith(REGISTRY_KEY)));
        registry.refreshOk();
        Map<String, JsonNode> before = registry.spidIdps();
        String lastGood = registry.status().path("lastSuccess").asText();

        String tampered = TestRegistry.entitiesOf(bundled()).signedWith(REGISTRY_KEY).replace("https://posteid.poste.it/jod-fs/ssoservicepost",
                "https://attacker.example/sso");
        assertTrue(tampered.contains("https://attacker.example/sso"));
        assertRefused(tampered, "spidRegistryBadSignature", "la firma non", before, lastGood);
        assertRefused(TestRegistry.entitiesOf(bundled()).signedWith(SigningCredential.generate("not the registry")),
                "spidRegistryBadSignature", "la firma non", before, lastGood);
        assertRefused(TestRegistry.entitiesOf(bundled()).validUntil(Instant.now().minusSeconds(3600)).signedWith(REGISTRY_KEY),
                "spidRegistryExpired", "scaduti", before, lastGood);
        assertRefused(TestRegistry.entitiesOf(bundled()).unsigned(), "spidRegistryUnsigned", "non \u00e8 firmato", before, lastGood);
    }

    @Test
    void anUnsignedLocalFileIsImportedOnlyWhenTheAdminMarksItTrusted() {
        Map<String, String> settings = new HashMap<>(fileSettings(TestRegistry.entitiesOf(bundled()).without(POSTE).unsigned()));
        registry.saveOk(settings);
        assertEquals(502, registry.refresh("en").statusCode());
        settings.put("trustedLocalFile", "true");
        registry.saveOk(settings);
        assertEquals(11, registry.refreshOk().path("added").size());
    }

    @Test
    void twoIdpsOnOneHostGetTwoAliases() {
        try (SpidTestIdp first = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0).spMetadataUrl(fixture.metadataUrl()).build());
             SpidTestIdp second = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0).spMetadataUrl(fixture.metadataUrl()).build())) {
            registry.saveOk(fileSettings(TestRegistry.empty().add(first.metadataXml()).add(second.metadataXml()).signedWith(REGISTRY_KEY)));
            JsonNode added = registry.refreshOk().path("added");
            assertEquals(2, added.size(), added.toString());
            assertTrue(texts(added).contains("spid-127-0-0-1"), added.toString());
            assertEquals(Set.of(first.entityId(), second.entityId()), Set.of(
                    registry.idp(added.path(0).asText()).path("config").path("idpEntityId").asText(),
                    registry.idp(added.path(1).asText()).path("config").path("idpEntityId").asText()));
        }
    }

    @Test
    void invalidSettingsAreRefusedWithAMessageAndNotSaved() {
        HttpResponse<String> refused = registry.save(Map.of("source", "https://registry.spid.gov.it/x.xml", "trustedLocalFile", "true"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("solo un file locale"), refused.body());
        HttpResponse<String> outside = registry.save(Map.of("source", "file:../../conf/keycloak.conf"));
        assertEquals(400, outside.statusCode(), outside.body());
        assertTrue(outside.body().contains("cartella del registro"), outside.body());
        assertEquals(null, registry.component(), "nothing saved");
    }

    @Test
    void theStatusIsWrittenByTheServerOnlyNotBySavedSettings() {
        registry.saveOk(Map.of("source", "bundled", "refreshIntervalMinutes", "0", "statusResult", "ok",
                "statusLastSuccess", "2030-01-01T00:00:00Z"));
        assertEquals("", registry.status().path("result").asText());
        assertEquals("", registry.status().path("lastSuccess").asText());
        registry.refreshOk();
        registry.saveOk(Map.of("source", "bundled", "refreshIntervalMinutes", "0", "statusResult", "forged"));
        assertEquals("ok", registry.status().path("result").asText(), "a later save keeps the server's status");
    }

    private void assertRefused(String xml, String reason, String italianText, Map<String, JsonNode> before, String lastGood) {
        registry.saveOk(fileSettings(xml));
        HttpResponse<String> response = registry.refresh("it");
        assertEquals(502, response.statusCode(), response.body());
        JsonNode body = RegistryAdmin.json(response.body());
        assertEquals(reason, body.path("error").asText());
        assertTrue(body.path("message").asText().contains(italianText), body.toString());
        assertEquals(before.toString(), registry.spidIdps().toString(), "the realm's IdPs are unchanged");
        JsonNode status = registry.status();
        assertEquals(reason, status.path("result").asText());
        assertEquals(lastGood, status.path("lastSuccess").asText(), "the last good refresh is still named");
    }

    static Map<String, String> fileSettings(String xml) {
        return Map.of("source", RegistryAdmin.writeFile(xml), "registryCertificate", REGISTRY_KEY.certificatePem(),
                "refreshIntervalMinutes", "0");
    }

    static byte[] bundled() {
        try (InputStream in = SpidRegistryIT.class.getResourceAsStream(BUNDLED)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The IdPs as the file describes them, read here independently of the provider's code. */
    private static List<Map<String, Object>> entitiesOfTheFile() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bundled())).getDocumentElement();
        List<Map<String, Object>> entities = new ArrayList<>();
        NodeList list = root.getElementsByTagNameNS(MD, "EntityDescriptor");
        for (int i = 0; i < list.getLength(); i++) {
            Element entity = (Element) list.item(i);
            Element idp = (Element) entity.getElementsByTagNameNS(MD, "IDPSSODescriptor").item(0);
            Map<String, Object> e = new HashMap<>();
            e.put("entityId", entity.getAttribute("entityID"));
            e.put("sso", location(idp, "SingleSignOnService", "HTTP-POST"));
            String slo = location(idp, "SingleLogoutService", "HTTP-POST");
            e.put("slo", slo.isEmpty() ? location(idp, "SingleLogoutService", "HTTP-Redirect") : slo);
            Set<String> certs = new TreeSet<>();
            NodeList keys = idp.getElementsByTagNameNS(MD, "KeyDescriptor");
            for (int k = 0; k < keys.getLength(); k++) {
                Element key = (Element) keys.item(k);
                if (!"encryption".equals(key.getAttribute("use"))) {
                    NodeList x509 = key.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate");
                    for (int c = 0; c < x509.getLength(); c++) {
                        certs.add(x509.item(c).getTextContent().replaceAll("\\s", ""));
                    }
                }
            }
            e.put("certificates", certs);
            NodeList names = entity.getElementsByTagNameNS(MD, "OrganizationDisplayName");
            String name = names.getLength() > 0 ? names.item(0).getTextContent().trim() : entity.getAttribute("entityID");
            for (int n = 0; n < names.getLength(); n++) {
                Element el = (Element) names.item(n);
                if ("it".equals(el.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))) {
                    name = el.getTextContent().trim();
                    break;
                }
            }
            e.put("name", name);
            entities.add(e);
        }
        return entities;
    }

    private static String location(Element idp, String service, String binding) {
        NodeList endpoints = idp.getElementsByTagNameNS(MD, service);
        for (int i = 0; i < endpoints.getLength(); i++) {
            Element endpoint = (Element) endpoints.item(i);
            if (endpoint.getAttribute("Binding").endsWith(binding)) {
                return endpoint.getAttribute("Location").trim();
            }
        }
        return "";
    }
}
