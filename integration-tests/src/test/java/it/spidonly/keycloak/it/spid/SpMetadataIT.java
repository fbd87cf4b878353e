package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.JAXPValidationUtil;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** The one SP metadata document AgID accredits, served by the real Keycloak. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpMetadataIT {
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String SPID = "https://spid.gov.it/saml-extensions";
    private SpidRealmFixture fixture;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-metadata", true);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void metadataIsSchemaValidAndItsSignatureVerifiesWithXmlsec1() throws Exception {
        Page page = new HttpBrowser().get(fixture.metadataUrl());
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").orElse("").startsWith("application/samlmetadata+xml"));
        JAXPValidationUtil.validate(new ByteArrayInputStream(page.body().getBytes(StandardCharsets.UTF_8)));

        Xmlsec1.Result xmlsec = Xmlsec1.verify(page.body(), realmCertificatePem(), MD + ":EntityDescriptor");
        assertTrue(xmlsec.verified(), xmlsec.output());

        Xmlsec1.Result tampered = Xmlsec1.verify(page.body().replace("m_lps", "m_lpx"), realmCertificatePem(), MD + ":EntityDescriptor");
        assertFalse(tampered.verified(), "xmlsec1 must notice a changed document: " + tampered.output());
    }

    @Test
    void metadataSaysWhatSpidRequires() throws Exception {
        Element root = DocumentUtil.getDocument(new HttpBrowser().get(fixture.metadataUrl()).body()).getDocumentElement();
        assertEquals(fixture.realm.spEntityId(), root.getAttribute("entityID"));
        Element sp = one(root, MD, "SPSSODescriptor");
        assertEquals("true", sp.getAttribute("AuthnRequestsSigned"));
        assertEquals("true", sp.getAttribute("WantAssertionsSigned"));
        assertEquals("signing", one(sp, MD, "KeyDescriptor").getAttribute("use"));
        Element acs = one(sp, MD, "AssertionConsumerService");
        assertEquals(List.of("0", "true", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", fixture.acsUrl()),
                List.of(acs.getAttribute("index"), acs.getAttribute("isDefault"), acs.getAttribute("Binding"), acs.getAttribute("Location")));
        assertEquals(fixture.realmUrl() + "/spid/slo", all(sp, MD, "SingleLogoutService").get(0).getAttribute("Location"));
        assertEquals(List.of("0", "1"), all(sp, MD, "AttributeConsumingService").stream().map(e -> e.getAttribute("index")).toList());
        Element org = one(root, MD, "Organization");
        assertEquals(2, all(org, MD, "OrganizationName").size());
        Element contact = one(root, MD, "ContactPerson");
        assertEquals("other", contact.getAttribute("contactType"));
        assertEquals("m_lps", one(one(contact, MD, "Extensions"), SPID, "IPACode").getTextContent());
        assertEquals(1, all(one(contact, MD, "Extensions"), SPID, "Public").size());
    }

    @Test
    void addingDisablingAndRemovingAnIdpNeverChangesTheMetadata() throws Exception {
        String before = new HttpBrowser().get(fixture.metadataUrl()).body();
        try (SpidTestIdp second = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0).users(TestUser.demoUsers())
                .spMetadataUrl(fixture.metadataUrl()).generatedSigningKey().build())) {
            JsonNode parsed = fixture.keycloak.admin().post("/" + fixture.name() + "/identity-provider/import-config",
                    Map.of("providerId", "spid-saml", "fromUrl", second.metadataUrl()));
            assertEquals(second.entityId(), parsed.path("idpEntityId").asText(), "configured from the IdP's metadata");
            assertEquals(second.ssoUrl(), parsed.path("singleSignOnServiceUrl").asText());
            assertEquals(second.sloUrl(), parsed.path("singleLogoutServiceUrl").asText());
            assertEquals(second.signingCertificateBase64(), parsed.path("signingCertificate").asText());

            ObjectNode idp = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            idp.put("alias", "second-spid-idp").put("providerId", "spid-saml").put("enabled", true).set("config", parsed);
            fixture.keycloak.admin().post("/" + fixture.name() + "/identity-provider/instances", idp);
            assertEquals(before, new HttpBrowser().get(fixture.metadataUrl()).body(), "after adding an IdP");

            idp.put("enabled", false);
            assertEquals(204, fixture.keycloak.admin().send("PUT", "/" + fixture.name() + "/identity-provider/instances/second-spid-idp", idp).statusCode());
            assertEquals(before, new HttpBrowser().get(fixture.metadataUrl()).body(), "after disabling it");

            fixture.keycloak.admin().delete("/" + fixture.name() + "/identity-provider/instances/second-spid-idp");
            assertEquals(before, new HttpBrowser().get(fixture.metadataUrl()).body(), "after removing it");
        }
    }

    @Test
    void invalidSettingsAreRefusedWithAMessageInTheAdminsLanguage() {
        assertEquals("SPID: un service provider pubblico deve indicare il codice IPA.", refusalOfPublicSpWithoutIpaCode(),
                "the realm's default locale is Italian");
        setDefaultLocale("en");
        try {
            assertEquals("SPID: a public service provider needs its IPA code.", refusalOfPublicSpWithoutIpaCode());
        } finally {
            setDefaultLocale("it");
        }
        assertEquals("m_lps", spComponent().path("config").path("ipaCode").path(0).asText(), "nothing was saved");
    }

    private String refusalOfPublicSpWithoutIpaCode() {
        JsonNode component = spComponent();
        ((ObjectNode) component.path("config")).putArray("ipaCode");
        HttpResponse<String> refused = fixture.keycloak.admin().send("PUT", "/" + fixture.name() + "/components/" + component.path("id").asText(), component);
        assertEquals(400, refused.statusCode());
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.body()).path("errorMessage").asText();
        } catch (Exception e) {
            throw new AssertionError(refused.body(), e);
        }
    }

    private void setDefaultLocale(String locale) {
        assertEquals(204, fixture.keycloak.admin().send("PUT", "/" + fixture.name(), Map.of("defaultLocale", locale)).statusCode());
    }

    @Test
    void realmWithoutSpidServiceProviderHasNoMetadata() {
        String name = "no-spid-" + System.nanoTime();
        fixture.keycloak.admin().importRealm("{\"realm\":\"" + name + "\",\"enabled\":true}");
        try {
            Page page = new HttpBrowser().get(fixture.keycloak.realmUrl(name) + "/spid/metadata");
            assertEquals(404, page.status());
        } finally {
            fixture.keycloak.admin().deleteRealm(name);
        }
    }

    private JsonNode spComponent() {
        JsonNode list = fixture.keycloak.admin().get("/" + fixture.name() + "/components?type=org.keycloak.services.ui.extend.UiPageProvider");
        for (JsonNode c : list) {
            if ("spid-service-provider".equals(c.path("providerId").asText())) {
                return c;
            }
        }
        throw new AssertionError("no SPID SP component in " + list);
    }

    private String realmCertificatePem() {
        JsonNode keys = fixture.keycloak.admin().get("/" + fixture.name() + "/keys").path("keys");
        for (JsonNode k : keys) {
            if ("RS256".equals(k.path("algorithm").asText()) && "SIG".equals(k.path("use").asText())) {
                return "-----BEGIN CERTIFICATE-----\n" + k.path("certificate").asText() + "\n-----END CERTIFICATE-----\n";
            }
        }
        throw new AssertionError("no RS256 key in " + keys);
    }

    static Element one(Element parent, String ns, String name) {
        List<Element> found = all(parent, ns, name);
        assertEquals(1, found.size(), name);
        return found.get(0);
    }

    static List<Element> all(Element parent, String ns, String name) {
        List<Element> out = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

}
