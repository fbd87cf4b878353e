package it.spidonly.keycloak.eidas.node;

import java.security.Key;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import it.spidonly.keycloak.eidas.claims.EidasLevel;

/**
 * A test eIDAS node's Response, as the EU eIDAS-Node sends it: signed Response (RSASSA-PSS SHA-256 by default), one
 * Assertion encrypted with AES-128-GCM and RSA-OAEP (MGF1 SHA-256) to the SP's key. Each setter breaks one thing.
 */
final class EidasTestResponse {
    static final String SAMLP = EidasAuthnRequestWriter.SAMLP;
    static final String SAML = EidasAuthnRequestWriter.SAML;
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    static final String NODE = "https://eidas-node.es.example/EidasNode/ConnectorMetadata";
    static final String SP = "https://spid-only.example/ministero";
    static final String ACS = "https://login.spid-only.example/realms/ministero/broker/eidas-es/endpoint";

    private KeyPair signingKey;
    private X509Certificate signingCertificate;
    private String signatureAlgorithm = EidasAlgorithms.RSA_PSS_SHA256;
    private String digestAlgorithm = MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256;
    private boolean signed = true;
    private X509Certificate encryptTo;
    private String keyTransport = EidasAlgorithms.RSA_OAEP;
    private String dataEncryption = EidasAlgorithms.AES128_GCM;
    private EidasLevel level = EidasLevel.SUBSTANTIAL;
    private String audience = SP;
    private String destination = ACS;
    private final Map<String, String> attributes = new LinkedHashMap<>(Map.of(
            EidasRequestedAttribute.PERSON_IDENTIFIER, "ES/IT/02635542Y",
            EidasRequestedAttribute.FAMILY_NAME, "García López",
            EidasRequestedAttribute.GIVEN_NAME, "Elena",
            EidasRequestedAttribute.DATE_OF_BIRTH, "1985-03-14"));

    EidasTestResponse(KeyPair signingKey, X509Certificate signingCertificate, X509Certificate encryptTo) {
        this.signingKey = signingKey;
        this.signingCertificate = signingCertificate;
        this.encryptTo = encryptTo;
    }

    EidasTestResponse signedWith(KeyPair key, X509Certificate certificate, String algorithm) {
        this.signingKey = key;
        this.signingCertificate = certificate;
        this.signatureAlgorithm = algorithm;
        return this;
    }

    EidasTestResponse digest(String algorithm) {
        this.digestAlgorithm = algorithm;
        return this;
    }

    EidasTestResponse unsigned() {
        this.signed = false;
        return this;
    }

    EidasTestResponse unencrypted() {
        this.encryptTo = null;
        return this;
    }

    EidasTestResponse keyTransport(String algorithm) {
        this.keyTransport = algorithm;
        return this;
    }

    EidasTestResponse level(EidasLevel level) {
        this.level = level;
        return this;
    }

    EidasTestResponse audience(String audience) {
        this.audience = audience;
        return this;
    }

    EidasTestResponse destination(String destination) {
        this.destination = destination;
        return this;
    }

    EidasTestResponse without(String attribute) {
        attributes.remove(attribute);
        return this;
    }

    Document build() throws Exception {
        Init.init();
        Document doc = DocumentUtil.createDocument();
        Element response = doc.createElementNS(SAMLP, "saml2p:Response");
        response.setAttributeNS(XMLNS, "xmlns:saml2p", SAMLP);
        response.setAttributeNS(XMLNS, "xmlns:saml2", SAML);
        response.setAttribute("ID", "_r" + System.nanoTime());
        response.setAttribute("Version", "2.0");
        response.setAttribute("IssueInstant", Instant.now().toString());
        response.setAttribute("Destination", destination);
        response.setAttribute("InResponseTo", "_request");
        doc.appendChild(response);
        Element issuer = child(response, SAML, "saml2:Issuer");
        issuer.setTextContent(NODE);
        Element status = child(response, SAMLP, "saml2p:Status");
        child(status, SAMLP, "saml2p:StatusCode").setAttribute("Value", "urn:oasis:names:tc:SAML:2.0:status:Success");
        Element assertion = assertion(response);
        if (encryptTo != null) {
            encrypt(doc, assertion);
        }
        if (signed) {
            response.setIdAttribute("ID", true);
            XMLSignature signature = new XMLSignature(doc, null, signatureAlgorithm, "http://www.w3.org/2001/10/xml-exc-c14n#");
            response.insertBefore(signature.getElement(), status);
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform("http://www.w3.org/2001/10/xml-exc-c14n#");
            signature.addDocument("#" + response.getAttribute("ID"), transforms, digestAlgorithm);
            signature.addKeyInfo(signingCertificate);
            signature.sign(signingKey.getPrivate());
        }
        return doc;
    }

    private Element assertion(Element response) {
        Element assertion = child(response, SAML, "saml2:Assertion");
        assertion.setAttributeNS(XMLNS, "xmlns:saml2", SAML);
        assertion.setAttribute("ID", "_a" + System.nanoTime());
        assertion.setAttribute("Version", "2.0");
        assertion.setAttribute("IssueInstant", Instant.now().toString());
        child(assertion, SAML, "saml2:Issuer").setTextContent(NODE);
        Element subject = child(assertion, SAML, "saml2:Subject");
        Element nameId = child(subject, SAML, "saml2:NameID");
        nameId.setAttribute("Format", EidasAuthnRequestWriter.NAMEID_PERSISTENT);
        nameId.setTextContent("ES/IT/02635542Y");
        Element conditions = child(assertion, SAML, "saml2:Conditions");
        conditions.setAttribute("NotBefore", Instant.now().minusSeconds(5).toString());
        conditions.setAttribute("NotOnOrAfter", Instant.now().plusSeconds(300).toString());
        child(child(conditions, SAML, "saml2:AudienceRestriction"), SAML, "saml2:Audience").setTextContent(audience);
        Element authn = child(assertion, SAML, "saml2:AuthnStatement");
        authn.setAttribute("AuthnInstant", Instant.now().toString());
        child(child(authn, SAML, "saml2:AuthnContext"), SAML, "saml2:AuthnContextClassRef").setTextContent(level.uri());
        Element statement = child(assertion, SAML, "saml2:AttributeStatement");
        attributes.forEach((name, value) -> {
            Element attribute = child(statement, SAML, "saml2:Attribute");
            attribute.setAttribute("Name", name);
            attribute.setAttribute("NameFormat", EidasAuthnRequestWriter.NAME_FORMAT_URI);
            child(attribute, SAML, "saml2:AttributeValue").setTextContent(value);
        });
        return assertion;
    }

    private void encrypt(Document doc, Element assertion) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(dataEncryption.equals(EidasAlgorithms.AES256_GCM) ? 256 : 128);
        SecretKey contentKey = generator.generateKey();
        XMLCipher keyCipher = EidasAlgorithms.RSA_OAEP.equals(keyTransport)
                ? XMLCipher.getInstance(keyTransport, null, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256)
                : XMLCipher.getInstance(keyTransport);
        keyCipher.init(XMLCipher.WRAP_MODE, encryptTo.getPublicKey());
        EncryptedKey encryptedKey = EidasAlgorithms.RSA_OAEP.equals(keyTransport)
                ? keyCipher.encryptKey(doc, contentKey, EidasAlgorithms.MGF1_SHA256, null)
                : keyCipher.encryptKey(doc, contentKey);
        Element wrapper = doc.createElementNS(SAML, "saml2:EncryptedAssertion");
        assertion.getParentNode().replaceChild(wrapper, assertion);
        wrapper.appendChild(assertion);
        XMLCipher dataCipher = XMLCipher.getInstance(dataEncryption);
        dataCipher.init(XMLCipher.ENCRYPT_MODE, (Key) contentKey);
        EncryptedData data = dataCipher.getEncryptedData();
        KeyInfo keyInfo = new KeyInfo(doc);
        keyInfo.add(encryptedKey);
        data.setKeyInfo(keyInfo);
        dataCipher.doFinal(doc, assertion, false);
    }

    private static Element child(Element parent, String ns, String name) {
        return (Element) parent.appendChild(parent.getOwnerDocument().createElementNS(ns, name));
    }
}
