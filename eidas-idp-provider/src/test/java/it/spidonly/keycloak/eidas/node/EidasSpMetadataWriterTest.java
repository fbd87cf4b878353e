package it.spidonly.keycloak.eidas.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import it.spidonly.keycloak.testsupport.idp.SigningCredential;

class EidasSpMetadataWriterTest {
    private static final SigningCredential SIGNING = SigningCredential.generate("SP signing (test)");
    private static final SigningCredential ENCRYPTION = SigningCredential.generate("SP encryption (test)");
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private static Document signedMetadata() {
        Document doc = EidasSpMetadataWriter.write(new EidasSpMetadataWriter.Sp("https://spid-only.example/ministero",
                "https://login.example/realms/ministero/broker/eidas-es/endpoint", SIGNING.certificate(), ENCRYPTION.certificate(), "test 1"), NOW);
        EidasXmlSigner.sign(doc.getDocumentElement(), EidasSpMetadataWriter.signaturePosition(doc),
                new EidasSigningKey(SIGNING.keyPair().getPrivate(), SIGNING.certificate()));
        return doc;
    }

    @Test
    void signedWithPssAsTheFirstChildAndValidForOneDay() throws Exception {
        Document doc = signedMetadata();
        Element root = doc.getDocumentElement();
        assertEquals("2026-12-02T09:00:00Z", root.getAttribute("validUntil"));
        Element signature = (Element) root.getFirstChild();
        assertEquals("Signature", signature.getLocalName());
        Init.init();
        XMLSignature check = new XMLSignature(signature, "");
        assertEquals(EidasAlgorithms.RSA_PSS_SHA256, check.getSignedInfo().getSignatureMethodURI());
        assertTrue(check.checkSignatureValue(SIGNING.certificate()));
    }

    @Test
    void publishesTheEidasAlgorithmsKeysAndNoSpType() {
        Element root = signedMetadata().getDocumentElement();
        assertEquals(List.of(EidasAlgorithms.SHA256, EidasAlgorithms.SHA384, EidasAlgorithms.SHA512), algorithms(root, "DigestMethod"));
        assertTrue(algorithms(root, "SigningMethod").containsAll(List.of(EidasAlgorithms.RSA_PSS_SHA256, EidasAlgorithms.ECDSA_SHA256)));
        assertTrue(algorithms(root, "SigningMethod").stream().noneMatch(a -> a.endsWith("#rsa-sha256") || a.endsWith("#rsa-sha1")));
        assertEquals(List.of(EidasAlgorithms.AES128_GCM, EidasAlgorithms.AES256_GCM), mdAlgorithms(root, "EncryptionMethod"));
        var keys = root.getElementsByTagNameNS(EidasSpMetadataWriter.MD, "KeyDescriptor");
        assertEquals("signing", ((Element) keys.item(0)).getAttribute("use"));
        assertEquals("encryption", ((Element) keys.item(1)).getAttribute("use"));
        Element descriptor = (Element) root.getElementsByTagNameNS(EidasSpMetadataWriter.MD, "SPSSODescriptor").item(0);
        assertEquals("true", descriptor.getAttribute("AuthnRequestsSigned"));
        assertEquals("true", descriptor.getAttribute("WantAssertionsSigned"));
        assertEquals(0, root.getElementsByTagNameNS(EidasAuthnRequestWriter.EIDAS, "SPType").getLength(), "SPType is in the requests");
    }

    private static List<String> algorithms(Element root, String localName) {
        return attributeValues(root.getElementsByTagNameNS(EidasSpMetadataWriter.ALG, localName));
    }

    private static List<String> mdAlgorithms(Element root, String localName) {
        return attributeValues(root.getElementsByTagNameNS(EidasSpMetadataWriter.MD, localName));
    }

    private static List<String> attributeValues(org.w3c.dom.NodeList nodes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute("Algorithm"));
        }
        return out;
    }
}
