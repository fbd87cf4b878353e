package it.spidonly.keycloak.testsupport.eidasnode;

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

/**
 * The test eIDAS node's Response (the test IdP's eIDAS-node mode, without a server: tests post it themselves), as the EU
 * eIDAS-Node sends it: signed Response (RSASSA-PSS SHA-256 by default, or ECDSA), one Assertion encrypted with
 * AES-128-GCM and RSA-OAEP (MGF1 SHA-256) to the SP's encryption certificate, LoA substantial, the natural-person
 * minimum data set. Each setter changes one thing, so a test breaks exactly one rule.
 */
public final class EidasNodeResponseBuilder {
    public static final String RSA_PSS_SHA256 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    public static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    public static final String RSA_1_5 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
    public static final String AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    private static final String MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";
    public static final String LOA_LOW = "http://eidas.europa.eu/LoA/low";
    public static final String LOA_SUBSTANTIAL = "http://eidas.europa.eu/LoA/substantial";
    public static final String LOA_HIGH = "http://eidas.europa.eu/LoA/high";
    public static final String NATURAL_PERSON = "http://eidas.europa.eu/attributes/naturalperson/";
    public static final String PERSON_IDENTIFIER = NATURAL_PERSON + "PersonIdentifier";
    public static final String FAMILY_NAME = NATURAL_PERSON + "CurrentFamilyName";
    public static final String GIVEN_NAME = NATURAL_PERSON + "CurrentGivenName";
    public static final String DATE_OF_BIRTH = NATURAL_PERSON + "DateOfBirth";
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final String NAME_FORMAT_URI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
    private static final String NAMEID_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    private final String nodeEntityId;

    private KeyPair signingKey;
    private X509Certificate signingCertificate;
    private String signatureAlgorithm = RSA_PSS_SHA256;
    private String digestAlgorithm = MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256;
    private boolean signed = true;
    private X509Certificate encryptTo;
    private String keyTransport = RSA_OAEP;
    private String dataEncryption = AES128_GCM;
    private String level = LOA_SUBSTANTIAL;
    private String audience;
    private String destination;
    private String inResponseTo;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> secondValues = new LinkedHashMap<>();

    /**
     * A Response of {@code nodeEntityId} for this SP's request: Destination = the SP's endpoint, Audience = its entityID,
     * InResponseTo = the request ID; signed with {@code signingKey}, the assertion encrypted to {@code encryptTo}
     * (null: not encrypted). The person: Elena García López, {@code ES/IT/02635542Y}, born 1985-03-14.
     */
    public EidasNodeResponseBuilder(String nodeEntityId, String spEntityId, String destination, String inResponseTo,
                                    KeyPair signingKey, X509Certificate signingCertificate, X509Certificate encryptTo) {
        this.nodeEntityId = nodeEntityId;
        this.audience = spEntityId;
        this.destination = destination;
        this.inResponseTo = inResponseTo;
        this.signingKey = signingKey;
        this.signingCertificate = signingCertificate;
        this.encryptTo = encryptTo;
        attributes.put(PERSON_IDENTIFIER, "ES/IT/02635542Y");
        attributes.put(FAMILY_NAME, "García López");
        attributes.put(GIVEN_NAME, "Elena");
        attributes.put(DATE_OF_BIRTH, "1985-03-14");
    }

    public EidasNodeResponseBuilder signedWith(KeyPair key, X509Certificate certificate, String algorithm) {
        this.signingKey = key;
        this.signingCertificate = certificate;
        this.signatureAlgorithm = algorithm;
        return this;
    }

    public EidasNodeResponseBuilder digest(String algorithm) {
        this.digestAlgorithm = algorithm;
        return this;
    }

    public EidasNodeResponseBuilder unsigned() {
        this.signed = false;
        return this;
    }

    public EidasNodeResponseBuilder unencrypted() {
        this.encryptTo = null;
        return this;
    }

    public EidasNodeResponseBuilder keyTransport(String algorithm) {
        this.keyTransport = algorithm;
        return this;
    }

    public EidasNodeResponseBuilder level(String level) {
        this.level = level;
        return this;
    }

    public EidasNodeResponseBuilder audience(String audience) {
        this.audience = audience;
        return this;
    }

    public EidasNodeResponseBuilder destination(String destination) {
        this.destination = destination;
        return this;
    }

    public EidasNodeResponseBuilder without(String attribute) {
        attributes.remove(attribute);
        return this;
    }

    public EidasNodeResponseBuilder attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** A second AttributeValue for the attribute {@code name} (issue 16: an identifier must have one). */
    public EidasNodeResponseBuilder secondValue(String name, String value) {
        secondValues.put(name, value);
        return this;
    }

    /** The Response as base64 of its UTF-8 XML, for the HTTP-POST binding. */
    public String base64() {
        try {
            return java.util.Base64.getEncoder().encodeToString(
                    DocumentUtil.getDocumentAsString(build()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the eIDAS response", e);
        }
    }

    public Document build() throws Exception {
        Init.init();
        Document doc = DocumentUtil.createDocument();
        Element response = doc.createElementNS(SAMLP, "saml2p:Response");
        response.setAttributeNS(XMLNS, "xmlns:saml2p", SAMLP);
        response.setAttributeNS(XMLNS, "xmlns:saml2", SAML);
        response.setAttribute("ID", "_r" + System.nanoTime());
        response.setAttribute("Version", "2.0");
        response.setAttribute("IssueInstant", Instant.now().toString());
        response.setAttribute("Destination", destination);
        response.setAttribute("InResponseTo", inResponseTo);
        doc.appendChild(response);
        Element issuer = child(response, SAML, "saml2:Issuer");
        issuer.setTextContent(nodeEntityId);
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
        child(assertion, SAML, "saml2:Issuer").setTextContent(nodeEntityId);
        Element subject = child(assertion, SAML, "saml2:Subject");
        Element nameId = child(subject, SAML, "saml2:NameID");
        nameId.setAttribute("Format", NAMEID_PERSISTENT);
        nameId.setTextContent(attributes.getOrDefault(PERSON_IDENTIFIER, "ES/IT/unknown"));
        Element confirmation = child(subject, SAML, "saml2:SubjectConfirmation");
        confirmation.setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
        Element data = child(confirmation, SAML, "saml2:SubjectConfirmationData");
        data.setAttribute("Recipient", destination);
        data.setAttribute("InResponseTo", inResponseTo);
        data.setAttribute("NotOnOrAfter", Instant.now().plusSeconds(300).toString());
        Element conditions = child(assertion, SAML, "saml2:Conditions");
        conditions.setAttribute("NotBefore", Instant.now().minusSeconds(5).toString());
        conditions.setAttribute("NotOnOrAfter", Instant.now().plusSeconds(300).toString());
        child(child(conditions, SAML, "saml2:AudienceRestriction"), SAML, "saml2:Audience").setTextContent(audience);
        Element authn = child(assertion, SAML, "saml2:AuthnStatement");
        authn.setAttribute("AuthnInstant", Instant.now().toString());
        child(child(authn, SAML, "saml2:AuthnContext"), SAML, "saml2:AuthnContextClassRef").setTextContent(level);
        Element statement = child(assertion, SAML, "saml2:AttributeStatement");
        attributes.forEach((name, value) -> {
            Element attribute = child(statement, SAML, "saml2:Attribute");
            attribute.setAttribute("Name", name);
            attribute.setAttribute("NameFormat", NAME_FORMAT_URI);
            child(attribute, SAML, "saml2:AttributeValue").setTextContent(value);
            if (secondValues.containsKey(name)) {
                child(attribute, SAML, "saml2:AttributeValue").setTextContent(secondValues.get(name));
            }
        });
        return assertion;
    }

    private void encrypt(Document doc, Element assertion) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(dataEncryption.equals(AES256_GCM) ? 256 : 128);
        SecretKey contentKey = generator.generateKey();
        XMLCipher keyCipher = RSA_OAEP.equals(keyTransport)
                ? XMLCipher.getInstance(keyTransport, null, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256)
                : XMLCipher.getInstance(keyTransport);
        keyCipher.init(XMLCipher.WRAP_MODE, encryptTo.getPublicKey());
        EncryptedKey encryptedKey = RSA_OAEP.equals(keyTransport)
                ? keyCipher.encryptKey(doc, contentKey, MGF1_SHA256, null)
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
