package it.spidonly.keycloak.cie.metadata;

import static it.spidonly.keycloak.spid.sp.SpidServiceProviderProperties.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.saml.SignatureAlgorithm;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.TestKeys;
import it.spidonly.keycloak.spid.metadata.MetadataSigner;
import it.spidonly.keycloak.spid.metadata.SpidEndpointUrls;
import it.spidonly.keycloak.spid.metadata.SpidMetadataWriter;
import it.spidonly.keycloak.spid.sp.ServiceProviderConfigs;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;
import it.spidonly.keycloak.testsupport.idp.CieMetadataSchema;

/** The CIE SP metadata of a public and a private SP: schema-valid, signed, each element the CIE rules require. */
class CieMetadataWriterTest {
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final URI BASE = URI.create("https://login.lavoro.example/");

    static MultivaluedHashMap<String, String> cie(MultivaluedHashMap<String, String> spid) {
        MultivaluedHashMap<String, String> c = new MultivaluedHashMap<>(spid);
        c.putSingle(CIE_MUNICIPALITY, "H501");
        c.putSingle(CIE_PROVINCE, "RM");
        return c;
    }

    private static String signed(MultivaluedHashMap<String, String> config) throws Exception {
        CieServiceProvider cie = CieServiceProvider.of(new SpidServiceProviderConfig(config), BASE, "ministero");
        Document doc = new CieMetadataWriter(cie, TestKeys.certificate(), List.of()).write();
        return DocumentUtil.getDocumentAsString(MetadataSigner.sign(doc, TestKeys.signingKey(SignatureAlgorithm.RSA_SHA256)));
    }

    @Test
    void publicSpIsSchemaValidSignedAndComplete() throws Exception {
        String xml = signed(cie(ServiceProviderConfigs.validPublic()));
        CieMetadataSchema.validate(xml);
        Document doc = DocumentUtil.getDocument(xml);
        Element root = doc.getDocumentElement();
        root.setIdAttribute("ID", true);
        assertTrue(XMLSignatureUtil.validate(doc, new HardcodedKeyLocator(TestKeys.certificate().getPublicKey())));
        assertEquals("https://login.lavoro.example/realms/ministero/spid/cie/metadata", root.getAttribute("entityID"));
        Element contact = only(root, MD, "ContactPerson");
        assertEquals("administrative", contact.getAttribute("contactType"));
        assertEquals(List.of("Public", "IPACode", "Municipality", "Province", "Country"), extensionNames(contact));
        assertEquals("m_lps", text(contact, "IPACode"));
        assertEquals("H501", text(contact, "Municipality"));
        assertEquals("IT", text(contact, "Country"));
        assertEquals("Ministero del Lavoro e delle Politiche Sociali", only(contact, MD, "Company").getTextContent());
        assertEquals("spid@lavoro.example", only(contact, MD, "EmailAddress").getTextContent());
        Element service = only(only(root, MD, "SPSSODescriptor"), MD, "AttributeConsumingService");
        Element name = only(service, MD, "ServiceName");
        assertEquals("", name.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertTrue(name.hasAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertTrue(name.getTextContent().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), name.getTextContent());
        assertEquals(CieServiceProvider.ATTRIBUTES, children(service, MD, "RequestedAttribute").stream().map(e -> e.getAttribute("Name")).toList());
        List<String> slo = children(only(root, MD, "SPSSODescriptor"), MD, "SingleLogoutService").stream().map(e -> e.getAttribute("Binding")).toList();
        assertTrue(slo.contains("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"), slo.toString());
        Element signature = only(root, "http://www.w3.org/2000/09/xmldsig#", "Signature");
        assertEquals(1, signature.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate").getLength(),
                "the certificate inside the Signature's KeyInfo");
    }

    @Test
    void privateSpHasVatFiscalCodeAndNace2() throws Exception {
        MultivaluedHashMap<String, String> config = cie(ServiceProviderConfigs.validPrivate());
        config.putSingle(CIE_NACE2_CODES, "84.11, 62.01");
        String xml = signed(config);
        CieMetadataSchema.validate(xml);
        Element contact = only(DocumentUtil.getDocument(xml).getDocumentElement(), MD, "ContactPerson");
        assertEquals(List.of("Private", "VATNumber", "FiscalCode", "NACE2Code", "NACE2Code", "Municipality", "Province", "Country"),
                extensionNames(contact));
        assertEquals("IT12345678901", text(contact, "VATNumber"));
    }

    @Test
    void privateSpWithoutNace2IsIncomplete() {
        CieServiceProvider cie = CieServiceProvider.of(new SpidServiceProviderConfig(cie(ServiceProviderConfigs.validPrivate())), BASE, "m");
        assertEquals(List.of("cieSpNace2Required"), cie.problems().stream().map(p -> p.key()).toList());
        CieServiceProvider noMunicipality = CieServiceProvider.of(new SpidServiceProviderConfig(ServiceProviderConfigs.validPublic()), BASE, "m");
        assertEquals(List.of("cieSpMunicipalityRequired"), noMunicipality.problems().stream().map(p -> p.key()).toList());
    }

    @Test
    void deterministicAndTheConfiguredEntityIdWins() throws Exception {
        MultivaluedHashMap<String, String> config = cie(ServiceProviderConfigs.validPublic());
        assertEquals(signed(config), signed(config));
        config.putSingle(CIE_ENTITY_ID, "https://cie.lavoro.example/sp");
        String xml = signed(config);
        assertEquals("https://cie.lavoro.example/sp", DocumentUtil.getDocument(xml).getDocumentElement().getAttribute("entityID"));
        assertNotEquals(signed(cie(ServiceProviderConfigs.validPublic())), xml);
    }

    /** SPID metadata unchanged by CIE: the SPID writer gives the same bytes with or without the CIE settings. */
    @Test
    void spidMetadataIgnoresTheCieSettings() throws Exception {
        SpidEndpointUrls urls = SpidEndpointUrls.of(BASE, "ministero");
        for (MultivaluedHashMap<String, String> spid : List.of(ServiceProviderConfigs.validPublic(), ServiceProviderConfigs.validPrivate())) {
            MultivaluedHashMap<String, String> withCie = cie(spid);
            withCie.putSingle(CIE_NACE2_CODES, "84.11");
            withCie.putSingle(CIE_CONTACT_EMAIL, "cie@lavoro.example");
            withCie.putSingle(CIE_METADATA_URL, "https://login.lavoro.example/realms/ministero/spid/cie/metadata");
            assertEquals(spidXml(spid, urls), spidXml(withCie, urls));
        }
    }

    private static String spidXml(MultivaluedHashMap<String, String> config, SpidEndpointUrls urls) throws Exception {
        return DocumentUtil.getDocumentAsString(MetadataSigner.sign(new SpidMetadataWriter(new SpidServiceProviderConfig(config),
                TestKeys.certificate(), urls).write(), TestKeys.signingKey(SignatureAlgorithm.RSA_SHA256)));
    }

    private static List<String> extensionNames(Element contact) {
        List<String> names = new ArrayList<>();
        NodeList nodes = only(contact, MD, "Extensions").getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                assertEquals(CieMetadataWriter.CIE, e.getNamespaceURI());
                names.add(e.getLocalName());
            }
        }
        return names;
    }

    private static String text(Element contact, String cieName) {
        return contact.getElementsByTagNameNS(CieMetadataWriter.CIE, cieName).item(0).getTextContent();
    }

    private static Element only(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        assertEquals(1, found.size(), name);
        return found.get(0);
    }

    private static List<Element> children(Element parent, String ns, String name) {
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
