package it.spidonly.keycloak.eidas.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import it.spidonly.keycloak.eidas.claims.EidasLevel;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;

class EidasAuthnRequestWriterTest {
    private static final SigningCredential RSA_3072 = SigningCredential.generate("SP (test)");

    private static Document request() {
        return EidasAuthnRequestWriter.write(new EidasAuthnRequestWriter.Request("_req1", Instant.parse("2026-12-01T09:00:00Z"),
                "https://spid-only.example/ministero", "https://eidas-node.es.example/EidasNode/ColleagueRequest",
                "https://login.spid-only.example/realms/ministero/broker/eidas-es/endpoint", "public", EidasLevel.SUBSTANTIAL,
                EidasRequestedAttribute.minimumDataSet()));
    }

    @Test
    void carriesTheEidasProfile() {
        Element r = request().getDocumentElement();
        assertEquals("true", r.getAttribute("ForceAuthn"));
        assertEquals("false", r.getAttribute("IsPassive"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", r.getAttribute("ProtocolBinding"));
        assertEquals("https://eidas-node.es.example/EidasNode/ColleagueRequest", r.getAttribute("Destination"));
        assertEquals("public", first(r, EidasAuthnRequestWriter.EIDAS, "SPType").getTextContent());
        var attributes = r.getElementsByTagNameNS(EidasAuthnRequestWriter.EIDAS, "RequestedAttribute");
        assertEquals(4, attributes.getLength());
        Element personIdentifier = (Element) attributes.item(0);
        assertEquals(EidasRequestedAttribute.PERSON_IDENTIFIER, personIdentifier.getAttribute("Name"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:attrname-format:uri", personIdentifier.getAttribute("NameFormat"));
        assertEquals("true", personIdentifier.getAttribute("isRequired"));
        Element policy = first(r, EidasAuthnRequestWriter.SAMLP, "NameIDPolicy");
        assertEquals(EidasAuthnRequestWriter.NAMEID_PERSISTENT, policy.getAttribute("Format"));
        assertEquals("true", policy.getAttribute("AllowCreate"));
        Element context = first(r, EidasAuthnRequestWriter.SAMLP, "RequestedAuthnContext");
        assertEquals("minimum", context.getAttribute("Comparison"));
        assertEquals("http://eidas.europa.eu/LoA/substantial", context.getTextContent().trim());
    }

    @Test
    void signedWithRsaPssSha256AfterTheIssuerAndVerifies() throws Exception {
        assertEquals(EidasAlgorithms.RSA_PSS_SHA256, signAndVerify(RSA_3072));
    }

    @Test
    void signedWithEcdsaP256AndVerifies() throws Exception {
        assertEquals(EidasAlgorithms.ECDSA_SHA256, signAndVerify(SigningCredential.generateEcP256("SP EC (test)")));
    }

    @Test
    void rsaKeysBelow3072BitsCannotSign() {
        SigningCredential weak = SigningCredential.generateRsa("weak SP (test)", 2048);
        assertThrows(IllegalArgumentException.class, () -> new EidasSigningKey(weak.keyPair().getPrivate(), weak.certificate()));
    }

    @Test
    void spTypeIsPublicOrPrivate() {
        assertThrows(IllegalArgumentException.class, () -> EidasAuthnRequestWriter.write(new EidasAuthnRequestWriter.Request("_r",
                Instant.now(), "https://sp", "https://node", "https://acs", "charity", EidasLevel.HIGH, List.of())));
    }

    private static String signAndVerify(SigningCredential credential) throws Exception {
        Document doc = request();
        EidasXmlSigner.sign(doc.getDocumentElement(), EidasAuthnRequestWriter.afterIssuer(doc),
                new EidasSigningKey(credential.keyPair().getPrivate(), credential.certificate()));
        Element signatureElement = first(doc.getDocumentElement(), "http://www.w3.org/2000/09/xmldsig#", "Signature");
        assertEquals("Issuer", signatureElement.getPreviousSibling().getLocalName(), "the signature follows the Issuer");
        Init.init();
        XMLSignature signature = new XMLSignature(signatureElement, "");
        assertTrue(signature.checkSignatureValue(credential.certificate()));
        return signature.getSignedInfo().getSignatureMethodURI();
    }

    private static Element first(Element parent, String ns, String localName) {
        return (Element) parent.getElementsByTagNameNS(ns, localName).item(0);
    }
}
