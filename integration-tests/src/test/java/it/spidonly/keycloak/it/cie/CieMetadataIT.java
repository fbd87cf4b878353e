package it.spidonly.keycloak.it.cie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.it.spid.Xmlsec1;
import it.spidonly.keycloak.testsupport.idp.CieMetadataSchema;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * The CIE SP metadata at {@code /realms/{realm}/spid/cie/metadata}, for a public and a private SP set up the
 * admin-guide way: valid against the CIE schema, its signature verified by xmlsec1, each element the CIE rules require;
 * refused (503, saying what is missing) while the CIE data is incomplete; the SPID metadata unchanged by adding CIE.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CieMetadataIT {
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String CIE = "https://www.cartaidentita.interno.gov.it/saml-extensions";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakServer keycloak;
    private CieRealm publicSp;
    private final List<AutoCloseable> others = new ArrayList<>();

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        publicSp = CieRealm.complete(keycloak, "cie-md-public");
    }

    @AfterAll
    void close() throws Exception {
        if (publicSp != null) {
            publicSp.close();
        }
        for (AutoCloseable other : others) {
            other.close();
        }
    }

    @Test
    void publicSpMetadataIsSchemaValidSignedAndComplete() throws Exception {
        HttpResponse<String> answer = get(publicSp.cieMetadataUrl());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/samlmetadata+xml"));
        String xml = answer.body();
        CieMetadataSchema.validate(xml);
        Element root = DocumentUtil.getDocument(xml).getDocumentElement();
        assertSigned(xml, root);
        assertEquals(publicSp.cieMetadataUrl(), root.getAttribute("entityID"), "entityID by default the metadata URL");
        assertCommon(root, publicSp.realm.realmUrl());
        Element contact = one(root, MD, "ContactPerson");
        assertEquals(List.of("Public", "IPACode", "Municipality", "Province", "Country"), extensions(contact));
        assertEquals("m_lps", cie(contact, "IPACode"));
        assertEquals("H501", cie(contact, "Municipality"));
        assertEquals("RM", cie(contact, "Province"));
        assertEquals("IT", cie(contact, "Country"));
        assertEquals("Ministero del Lavoro e delle Politiche Sociali", one(contact, MD, "Company").getTextContent());
        assertEquals("spid@lavoro.example", one(contact, MD, "EmailAddress").getTextContent());
    }

    @Test
    void privateSpMetadataIsSchemaValidSignedAndComplete() throws Exception {
        AdminGuideRealm realm = AdminGuideRealm.empty(keycloak, "cie-md-private", TestUser.demoUsers()).realmSettings();
        others.add(realm);
        Map<String, List<String>> config = AdminGuideRealm.spSettings(realm.spEntityId(), "fiscalNumber", "name", "familyName");
        config.remove("ipaCode");
        config.put("spType", List.of("private"));
        config.put("organizationNameIt", List.of("Servizi Lavoro S.p.A."));
        config.put("vatNumber", List.of("IT12345678901"));
        config.put("fiscalCode", List.of("12345678901"));
        config.put("billingCompanyName", List.of("Servizi Lavoro S.p.A."));
        config.put("billingVatNumber", List.of("12345678901"));
        config.put("billingStreet", List.of("Via Veneto 56"));
        config.put("billingPostalCode", List.of("00187"));
        config.put("billingTown", List.of("Roma"));
        config.put("billingEmail", List.of("fatture@lavoro.example"));
        config.put("cieMunicipality", List.of("H501"));
        config.put("cieNace2Codes", List.of("62.01,84.11"));
        config.put("cieContactEmail", List.of("cie@servizi-lavoro.example"));
        AdminGuideRealm.createServiceProvider(realm.admin(), realm.name, config);
        String url = realm.realmUrl() + "/spid/cie/metadata";
        HttpResponse<String> answer = get(url);
        assertEquals(200, answer.statusCode(), answer.body());
        String xml = answer.body();
        CieMetadataSchema.validate(xml);
        Element root = DocumentUtil.getDocument(xml).getDocumentElement();
        assertSigned(xml, root);
        assertEquals(url, root.getAttribute("entityID"));
        assertCommon(root, realm.realmUrl());
        Element contact = one(root, MD, "ContactPerson");
        assertEquals(List.of("Private", "VATNumber", "FiscalCode", "NACE2Code", "NACE2Code", "Municipality", "Country"), extensions(contact));
        assertEquals("IT12345678901", cie(contact, "VATNumber"));
        assertEquals("12345678901", cie(contact, "FiscalCode"));
        assertEquals("Servizi Lavoro S.p.A.", one(contact, MD, "Company").getTextContent());
        assertEquals("cie@servizi-lavoro.example", one(contact, MD, "EmailAddress").getTextContent());
    }

    /** Issue 17: adding CIE never changes the SPID metadata; without the CIE data the CIE metadata says what is missing. */
    @Test
    void spidMetadataUnchangedByCieAndIncompleteCieDataIsNamed() throws Exception {
        AdminGuideRealm spid = AdminGuideRealm.empty(keycloak, "cie-md-spid", TestUser.demoUsers()).realmSettings().serviceProvider();
        others.add(spid);
        String before = get(spid.metadataUrl()).body();
        HttpResponse<String> incomplete = get(spid.realmUrl() + "/spid/cie/metadata");
        assertEquals(503, incomplete.statusCode());
        assertTrue(incomplete.body().contains("cieMunicipality"), incomplete.body());

        CieRealm cie = CieRealm.of(spid);
        cie.cieIdp();
        List<String> findings = spid.readiness("en").path("findings").findValuesAsText("key");
        assertTrue(findings.contains("cieReadySpData"), findings.toString());

        cie.cieData(Map.of("cieMunicipality", "H501", "cieIpaCategory", "L6"));
        assertEquals(200, get(spid.realmUrl() + "/spid/cie/metadata").statusCode());
        assertFalse(spid.readiness("en").path("findings").findValuesAsText("key").contains("cieReadySpData"));
        assertEquals(before, get(spid.metadataUrl()).body(), "the SPID metadata, byte for byte");
        JsonNode component = cie.spComponent();
        assertEquals(spid.realmUrl() + "/spid/cie/metadata", component.path("config").path("cieMetadataUrl").path(0).asText());
    }

    private static void assertCommon(Element root, String realmUrl) {
        Element sp = one(root, MD, "SPSSODescriptor");
        assertEquals("true", sp.getAttribute("AuthnRequestsSigned"));
        assertEquals("true", sp.getAttribute("WantAssertionsSigned"));
        assertEquals("signing", all(sp, MD, "KeyDescriptor").get(0).getAttribute("use"));
        assertTrue(all(sp, MD, "SingleLogoutService").stream()
                .anyMatch(e -> e.getAttribute("Binding").endsWith("HTTP-Redirect") && e.getAttribute("Location").equals(realmUrl + "/spid/slo")));
        Element acs = one(sp, MD, "AssertionConsumerService");
        assertEquals(realmUrl + "/spid/acs", acs.getAttribute("Location"));
        assertEquals("0", acs.getAttribute("index"));
        Element service = one(sp, MD, "AttributeConsumingService");
        Element name = one(service, MD, "ServiceName");
        assertTrue(name.getTextContent().startsWith("urn:uuid:"), name.getTextContent());
        assertEquals("", name.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals(List.of("name", "familyName", "dateOfBirth", "fiscalNumber"),
                all(service, MD, "RequestedAttribute").stream().map(e -> e.getAttribute("Name")).toList());
        Element org = one(root, MD, "Organization");
        assertFalse(all(org, MD, "OrganizationDisplayName").isEmpty());
        assertEquals("administrative", one(root, MD, "ContactPerson").getAttribute("contactType"));
    }

    /** Enveloped, first child, the X509Certificate inside its KeyInfo, verified by xmlsec1 with that realm key. */
    private static void assertSigned(String xml, Element root) throws Exception {
        Element signature = one(root, DS, "Signature");
        assertEquals(signature, firstElement(root));
        NodeList certs = signature.getElementsByTagNameNS(DS, "X509Certificate");
        assertEquals(1, certs.getLength());
        String pem = "-----BEGIN CERTIFICATE-----\n" + certs.item(0).getTextContent().trim() + "\n-----END CERTIFICATE-----\n";
        Xmlsec1.Result result = Xmlsec1.verify(xml, pem, MD + ":EntityDescriptor");
        assertTrue(result.verified(), result.output());
        assertFalse(Xmlsec1.verify(xml.replace("H501", "H502"), pem, MD + ":EntityDescriptor").verified(), "a change breaks it");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> extensions(Element contact) {
        List<String> names = new ArrayList<>();
        NodeList nodes = one(contact, MD, "Extensions").getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                assertEquals(CIE, e.getNamespaceURI(), e.getLocalName());
                names.add(e.getLocalName());
            }
        }
        return names;
    }

    private static String cie(Element contact, String name) {
        return contact.getElementsByTagNameNS(CIE, name).item(0).getTextContent();
    }

    private static Element firstElement(Element parent) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    static Element one(Element parent, String ns, String name) {
        List<Element> found = all(parent, ns, name);
        assertEquals(1, found.size(), name);
        return found.get(0);
    }

    static List<Element> all(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
