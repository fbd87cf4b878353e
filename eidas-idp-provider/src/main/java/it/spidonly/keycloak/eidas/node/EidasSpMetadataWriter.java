package it.spidonly.keycloak.eidas.node;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SP metadata an eIDAS node (connector) reads (eIDAS SAML Message Format v1.2, 4; the EU eIDAS-Node's checks):
 * signed, {@code validUntil} one day ahead, entity attributes for the protocol version and the application
 * identifier, {@code alg:DigestMethod}/{@code alg:SigningMethod} with the eIDAS algorithms, signing and encryption
 * keys, {@code md:EncryptionMethod} AES-GCM, AuthnRequestsSigned and WantAssertionsSigned, the HTTP-POST ACS.
 * SPType is sent in each request ({@link EidasAuthnRequestWriter}), so it is not here (never both).
 */
public final class EidasSpMetadataWriter {
    public static final Duration VALIDITY = Duration.ofDays(1);
    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String ALG = "urn:oasis:names:tc:SAML:metadata:algsupport";
    static final String MDATTR = "urn:oasis:names:tc:SAML:metadata:attribute";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final String SAML = EidasAuthnRequestWriter.SAML;
    private static final String PROTOCOL_VERSION = "http://eidas.europa.eu/entity-attributes/protocol-version";
    private static final String APPLICATION_ID = "http://eidas.europa.eu/entity-attributes/application-identifier";

    /** What the metadata describes. */
    public record Sp(String entityId, String acsUrl, X509Certificate signing, X509Certificate encryption, String applicationId) {
    }

    private EidasSpMetadataWriter() {
    }

    /** Unsigned; sign with {@link EidasXmlSigner} before the Extensions ({@link #signaturePosition}). */
    public static Document write(Sp sp, Instant now) {
        Document doc;
        try {
            doc = DocumentUtil.createDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Element entity = doc.createElementNS(MD, "md:EntityDescriptor");
        entity.setAttributeNS(XMLNS, "xmlns:md", MD);
        entity.setAttributeNS(XMLNS, "xmlns:ds", DS);
        entity.setAttributeNS(XMLNS, "xmlns:alg", ALG);
        entity.setAttributeNS(XMLNS, "xmlns:mdattr", MDATTR);
        entity.setAttributeNS(XMLNS, "xmlns:saml2", SAML);
        entity.setAttribute("ID", "_" + java.util.UUID.randomUUID());
        entity.setAttribute("entityID", sp.entityId());
        entity.setAttribute("validUntil", DateTimeFormatter.ISO_INSTANT.format(now.plus(VALIDITY).truncatedTo(ChronoUnit.SECONDS)));
        doc.appendChild(entity);

        Element extensions = child(entity, MD, "md:Extensions");
        Element attributes = child(extensions, MDATTR, "mdattr:EntityAttributes");
        entityAttribute(attributes, PROTOCOL_VERSION, "1.2");
        entityAttribute(attributes, APPLICATION_ID, sp.applicationId());
        for (String digest : List.of(EidasAlgorithms.SHA256, EidasAlgorithms.SHA384, EidasAlgorithms.SHA512)) {
            child(extensions, ALG, "alg:DigestMethod").setAttribute("Algorithm", digest);
        }
        for (String signing : List.of(EidasAlgorithms.RSA_PSS_SHA256, EidasAlgorithms.RSA_PSS_SHA384, EidasAlgorithms.RSA_PSS_SHA512)) {
            Element method = child(extensions, ALG, "alg:SigningMethod");
            method.setAttribute("Algorithm", signing);
            method.setAttribute("MinKeySize", String.valueOf(EidasAlgorithms.MIN_RSA_BITS));
        }
        for (String signing : List.of(EidasAlgorithms.ECDSA_SHA256, EidasAlgorithms.ECDSA_SHA384, EidasAlgorithms.ECDSA_SHA512)) {
            Element method = child(extensions, ALG, "alg:SigningMethod");
            method.setAttribute("Algorithm", signing);
            method.setAttribute("MinKeySize", String.valueOf(EidasAlgorithms.MIN_EC_BITS));
        }

        Element descriptor = child(entity, MD, "md:SPSSODescriptor");
        descriptor.setAttribute("AuthnRequestsSigned", "true");
        descriptor.setAttribute("WantAssertionsSigned", "true");
        descriptor.setAttribute("protocolSupportEnumeration", "urn:oasis:names:tc:SAML:2.0:protocol");
        keyDescriptor(descriptor, "signing", sp.signing());
        Element encryption = keyDescriptor(descriptor, "encryption", sp.encryption());
        for (String algorithm : List.of(EidasAlgorithms.AES128_GCM, EidasAlgorithms.AES256_GCM)) {
            child(encryption, MD, "md:EncryptionMethod").setAttribute("Algorithm", algorithm);
        }
        for (String format : List.of(EidasAuthnRequestWriter.NAMEID_PERSISTENT, "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
                "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified")) {
            child(descriptor, MD, "md:NameIDFormat").setTextContent(format);
        }
        Element acs = child(descriptor, MD, "md:AssertionConsumerService");
        acs.setAttribute("Binding", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        acs.setAttribute("Location", sp.acsUrl());
        acs.setAttribute("index", "0");
        acs.setAttribute("isDefault", "true");
        entity.setIdAttribute("ID", true);
        return doc;
    }

    /** The signature goes first in the EntityDescriptor, before the Extensions. */
    public static Element signaturePosition(Document metadata) {
        return (Element) metadata.getDocumentElement().getElementsByTagNameNS(MD, "Extensions").item(0);
    }

    private static void entityAttribute(Element parent, String name, String value) {
        Element attribute = child(parent, SAML, "saml2:Attribute");
        attribute.setAttribute("Name", name);
        attribute.setAttribute("NameFormat", EidasAuthnRequestWriter.NAME_FORMAT_URI);
        child(attribute, SAML, "saml2:AttributeValue").setTextContent(value);
    }

    private static Element keyDescriptor(Element descriptor, String use, X509Certificate certificate) {
        Element kd = child(descriptor, MD, "md:KeyDescriptor");
        kd.setAttribute("use", use);
        try {
            child(child(child(kd, DS, "ds:KeyInfo"), DS, "ds:X509Data"), DS, "ds:X509Certificate")
                    .setTextContent(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return kd;
    }

    private static Element child(Element parent, String ns, String name) {
        return (Element) parent.appendChild(parent.getOwnerDocument().createElementNS(ns, name));
    }
}
