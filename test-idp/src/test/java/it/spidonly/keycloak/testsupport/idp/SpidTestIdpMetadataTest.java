package it.spidonly.keycloak.testsupport.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SpidTestIdpMetadataTest {

    private static final String MD = SamlDom.METADATA_NS;

    private static SpidTestIdp idp;

    @BeforeAll
    static void start() {
        idp = SpidTestIdp.start(SpidTestIdpSettings.builder().entityId("https://idp.test.example/spid").build());
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @Test
    void servesSignedSpidIdpMetadata() throws Exception {
        HttpResponse<String> answer = IdpHttp.get(idp.metadataUrl());

        assertEquals(200, answer.statusCode());
        assertEquals("application/samlmetadata+xml", answer.headers().firstValue("Content-Type").orElseThrow());
        Document metadata = DocumentUtil.getDocument(answer.body());
        Element entity = metadata.getDocumentElement();
        assertEquals("https://idp.test.example/spid", entity.getAttribute("entityID"));
        assertEquals(idp.entityId(), entity.getAttribute("entityID"));
        Element signature = (Element) entity.getFirstChild();
        assertEquals("Signature", signature.getLocalName());
        entity.setIdAttribute("ID", true);
        assertEquals("#" + entity.getAttribute("ID"), SamlDom.first(signature, SamlDom.DSIG_NS, "Reference").getAttribute("URI"));
        assertTrue(XMLSignatureUtil.validateSingleNode(signature,
                new HardcodedKeyLocator(SigningCredential.demo().certificate().getPublicKey())));

        Element idpDescriptor = SamlDom.first(metadata, MD, "IDPSSODescriptor");
        assertEquals("true", idpDescriptor.getAttribute("WantAuthnRequestsSigned"));
        Element key = SamlDom.first(idpDescriptor, MD, "KeyDescriptor");
        assertEquals("signing", key.getAttribute("use"));
        assertEquals(idp.signingCertificateBase64(), SamlDom.first(key, SamlDom.DSIG_NS, "X509Certificate").getTextContent());
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
                SamlDom.first(idpDescriptor, MD, "NameIDFormat").getTextContent());
        assertEquals(List.of(idp.ssoUrl(), idp.ssoUrl()), locations(idpDescriptor, "SingleSignOnService"));
        assertEquals(List.of(idp.sloUrl(), idp.sloUrl()), locations(idpDescriptor, "SingleLogoutService"));
        assertEquals(answer.body(), idp.metadataXml());
    }

    @Test
    void urlsFollowTheBaseUrl() {
        assertTrue(idp.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"));
        assertEquals(idp.baseUrl() + "/metadata", idp.metadataUrl());
        assertEquals(idp.baseUrl() + "/sso", idp.ssoUrl());
        assertEquals(idp.baseUrl() + "/slo", idp.sloUrl());
    }

    @Test
    void entityIdDefaultsToTheBaseUrl() {
        try (SpidTestIdp other = SpidTestIdp.start(SpidTestIdpSettings.builder().build())) {
            assertEquals(other.baseUrl(), other.entityId());
        }
    }

    @Test
    void aGeneratedKeyReplacesTheDemoKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keyPair = generator.generateKeyPair();
        try (SpidTestIdp other = SpidTestIdp.start(SpidTestIdpSettings.builder().signingKey(keyPair).build())) {
            Document metadata = DocumentUtil.getDocument(IdpHttp.get(other.metadataUrl()).body());
            Element signature = (Element) metadata.getDocumentElement().getFirstChild();
            metadata.getDocumentElement().setIdAttribute("ID", true);

            assertNotEquals(idp.signingCertificateBase64(), other.signingCertificateBase64());
            assertTrue(XMLSignatureUtil.validateSingleNode(signature, new HardcodedKeyLocator(keyPair.getPublic())));
        }
    }

    @Test
    void sloWithoutASamlMessageIsABadRequest() throws Exception {
        assertEquals(400, IdpHttp.get(idp.sloUrl()).statusCode());
    }

    private static List<String> locations(Element descriptor, String service) {
        List<Element> endpoints = SamlDom.children(descriptor, MD, service);
        assertEquals(List.of("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"),
                endpoints.stream().map(e -> e.getAttribute("Binding")).toList());
        return endpoints.stream().map(e -> e.getAttribute("Location")).toList();
    }
}
