package it.spidonly.keycloak.spid.metadata;

import static it.spidonly.keycloak.spid.metadata.SamlNames.MD;
import static it.spidonly.keycloak.spid.metadata.SamlNames.SPID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.saml.SignatureAlgorithm;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.JAXPValidationUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import it.spidonly.keycloak.spid.TestKeys;
import it.spidonly.keycloak.spid.sp.ServiceProviderConfigs;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

class SpidMetadataWriterTest {
    private static final SpidEndpointUrls URLS = SpidEndpointUrls.of(URI.create("https://login.lavoro.example/"), "ministero");

    @Test
    void publicSpMetadataIsSchemaValidAndSigned() throws Exception {
        String xml = signed(ServiceProviderConfigs.validPublic());
        JAXPValidationUtil.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Document doc = DocumentUtil.getDocument(xml);
        doc.getDocumentElement().setIdAttribute("ID", true);
        assertTrue(XMLSignatureUtil.validate(doc, new HardcodedKeyLocator(TestKeys.certificate().getPublicKey())));
        Element first = firstElementChild(doc.getDocumentElement());
        assertEquals("Signature", first.getLocalName(), "the signature is the EntityDescriptor's first child");
    }

    @Test
    void describesTheSpAsSpidRequires() throws Exception {
        Document doc = DocumentUtil.getDocument(signed(ServiceProviderConfigs.validPublic()));
        Element root = doc.getDocumentElement();
        assertEquals("https://sp.lavoro.example/spid", root.getAttribute("entityID"));
        assertTrue(root.getAttribute("ID").startsWith("_"));

        List<Element> descriptors = children(root, MD, "SPSSODescriptor");
        assertEquals(1, descriptors.size());
        Element sp = descriptors.get(0);
        assertEquals("true", sp.getAttribute("AuthnRequestsSigned"));
        assertEquals("true", sp.getAttribute("WantAssertionsSigned"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:protocol", sp.getAttribute("protocolSupportEnumeration"));
        assertEquals("signing", children(sp, MD, "KeyDescriptor").get(0).getAttribute("use"));
        assertEquals(1, doc.getElementsByTagNameNS(SamlNames.DS, "X509Certificate").getLength() - 1,
                "one certificate in the KeyDescriptor (the other is in the signature's KeyInfo)");

        List<Element> acs = children(sp, MD, "AssertionConsumerService");
        assertEquals(1, acs.size());
        assertEquals("0", acs.get(0).getAttribute("index"));
        assertEquals("true", acs.get(0).getAttribute("isDefault"));
        assertEquals(SamlNames.HTTP_POST, acs.get(0).getAttribute("Binding"));
        assertEquals("https://login.lavoro.example/realms/ministero/spid/acs", acs.get(0).getAttribute("Location"));
        assertFalse(children(sp, MD, "SingleLogoutService").isEmpty());

        List<Element> sets = children(sp, MD, "AttributeConsumingService");
        assertEquals(List.of("0", "1"), sets.stream().map(e -> e.getAttribute("index")).toList());
        Element serviceName = children(sets.get(0), MD, "ServiceName").get(0);
        assertEquals("it", serviceName.getAttributeNS(SamlNames.XML, "lang"));
        assertEquals(List.of("email", "familyName", "fiscalNumber", "name"),
                children(sets.get(0), MD, "RequestedAttribute").stream().map(e -> e.getAttribute("Name")).toList());

        Element org = children(root, MD, "Organization").get(0);
        for (String name : List.of("OrganizationName", "OrganizationDisplayName", "OrganizationURL")) {
            assertEquals(List.of("it", "en"), children(org, MD, name).stream().map(e -> e.getAttributeNS(SamlNames.XML, "lang")).toList(), name);
        }

        List<Element> contacts = children(root, MD, "ContactPerson");
        assertEquals(1, contacts.size());
        assertEquals("other", contacts.get(0).getAttribute("contactType"));
        Element ext = children(contacts.get(0), MD, "Extensions").get(0);
        assertEquals("m_lps", children(ext, SPID, "IPACode").get(0).getTextContent());
        assertEquals(1, children(ext, SPID, "Public").size());
        assertEquals("spid@lavoro.example", children(contacts.get(0), MD, "EmailAddress").get(0).getTextContent());
    }

    @Test
    void privateSpPublishesVatNumberAndABillingContact() throws Exception {
        String xml = signed(ServiceProviderConfigs.validPrivate());
        JAXPValidationUtil.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = DocumentUtil.getDocument(xml).getDocumentElement();
        List<Element> contacts = children(root, MD, "ContactPerson");
        assertEquals(List.of("other", "billing"), contacts.stream().map(e -> e.getAttribute("contactType")).toList());
        Element ext = children(contacts.get(0), MD, "Extensions").get(0);
        assertEquals("IT12345678901", children(ext, SPID, "VATNumber").get(0).getTextContent());
        assertEquals(1, children(ext, SPID, "Private").size());
        assertEquals(0, children(ext, SPID, "Public").size());
        assertNotNull(children(children(contacts.get(1), MD, "Extensions").get(0), SamlNames.SPID_INVOICING, "CessionarioCommittente").get(0));
    }

    @Test
    void eidasSettingAddsAgidsAttributeSets99And100AfterTheSpidOnes() throws Exception {
        MultivaluedHashMap<String, String> config = ServiceProviderConfigs.validPublic();
        assertEquals(List.of("0", "1"), acsIndexes(signed(config)), "without the setting: only the SPID sets");
        config.putSingle("eidasAttributeSets", "true");
        String xml = signed(config);
        JAXPValidationUtil.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("0", "1", "99", "100"), acsIndexes(xml));
        List<Element> services = attributeServices(xml);
        assertEquals("eIDAS Natural Person Minimum Attribute Set", children(services.get(2), MD, "ServiceName").get(0).getTextContent());
        assertEquals(List.of("dateOfBirth", "familyName", "name", "spidCode"), requested(services.get(2)));
        assertEquals("eIDAS Natural Person Full Attribute Set", children(services.get(3), MD, "ServiceName").get(0).getTextContent());
        assertEquals(List.of("address", "dateOfBirth", "familyName", "gender", "name", "placeOfBirth", "spidCode"), requested(services.get(3)));
        assertEquals(xml, signed(config), "still deterministic");
    }

    private static List<String> acsIndexes(String xml) throws Exception {
        return attributeServices(xml).stream().map(e -> e.getAttribute("index")).toList();
    }

    private static List<Element> attributeServices(String xml) throws Exception {
        Element descriptor = children(DocumentUtil.getDocument(xml).getDocumentElement(), MD, "SPSSODescriptor").get(0);
        return children(descriptor, MD, "AttributeConsumingService");
    }

    private static List<String> requested(Element service) {
        return children(service, MD, "RequestedAttribute").stream().map(e -> e.getAttribute("Name")).toList();
    }

    @Test
    void sameSettingsGiveByteIdenticalMetadata() {
        assertEquals(signed(ServiceProviderConfigs.validPublic()), signed(ServiceProviderConfigs.validPublic()));
        MultivaluedHashMap<String, String> other = ServiceProviderConfigs.validPublic();
        other.putSingle("contactEmail", "other@lavoro.example");
        assertFalse(signed(other).equals(signed(ServiceProviderConfigs.validPublic())), "a change of settings changes the document");
    }

    /** Issue 15 finding 10: re-saving the same settings in the console may list the attributes in another order. */
    @Test
    void listOrderOfTheSameSettingsDoesNotChangeTheBytes() {
        MultivaluedHashMap<String, String> reordered = ServiceProviderConfigs.validPublic();
        reordered.put("acs0Attributes", List.of("email", "familyName", "name", "fiscalNumber"));
        reordered.put("acs1Attributes", List.of("spidCode##fiscalNumber"));
        assertEquals(signed(ServiceProviderConfigs.validPublic()), signed(reordered), "same meaning, same ID, signature and bytes");
    }

    @Test
    void requestedAttributesAreInAlphabeticalOrder() throws Exception {
        List<Element> services = attributeServices(signed(ServiceProviderConfigs.validPublic()));
        assertEquals(List.of("email", "familyName", "fiscalNumber", "name"), requested(services.get(0)));
        assertEquals(List.of("fiscalNumber", "spidCode"), requested(services.get(1)));
    }

    private static String signed(MultivaluedHashMap<String, String> config) {
        SpidServiceProviderConfig sp = new SpidServiceProviderConfig(config);
        Document doc = new SpidMetadataWriter(sp, TestKeys.certificate(), URLS).write();
        try {
            return DocumentUtil.getDocumentAsString(MetadataSigner.sign(doc, TestKeys.signingKey(SignatureAlgorithm.RSA_SHA256)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element firstElementChild(Element parent) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
