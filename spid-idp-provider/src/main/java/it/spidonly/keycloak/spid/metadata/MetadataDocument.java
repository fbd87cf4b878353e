package it.spidonly.keycloak.spid.metadata;

import static it.spidonly.keycloak.spid.metadata.SamlNames.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * The parts the SPID and the CIE SP metadata share, written into one new document: the {@code md:} elements, the
 * SPSSODescriptor's opening (signed requests and assertions, the signing key then the next keys), endpoints, the
 * Organization from the shared SP settings, and the EntityDescriptor's ID derived from the content. Each profile's
 * writer adds its own contacts, extensions and attribute services.
 */
public final class MetadataDocument {
    private final Document doc;

    private MetadataDocument(Document doc) {
        this.doc = doc;
    }

    public static MetadataDocument create() {
        try {
            return new MetadataDocument(DocumentUtil.createDocument());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create an XML document", e);
        }
    }

    public Document document() {
        return doc;
    }

    public Element md(String localName) {
        return element(MD, "md", localName);
    }

    public Element element(String namespace, String prefix, String localName) {
        return doc.createElementNS(namespace, prefix + ":" + localName);
    }

    public static Element text(Element e, String value) {
        e.setTextContent(value);
        return e;
    }

    /** The SPSSODescriptor with signed requests and assertions and a signing KeyDescriptor per certificate. */
    public Element spSsoDescriptor(X509Certificate signing, List<X509Certificate> next) {
        Element d = md("SPSSODescriptor");
        d.setAttribute("protocolSupportEnumeration", PROTOCOL);
        d.setAttribute("AuthnRequestsSigned", "true");
        d.setAttribute("WantAssertionsSigned", "true");
        d.appendChild(signingKeyDescriptor(signing));
        for (X509Certificate certificate : next) {
            d.appendChild(signingKeyDescriptor(certificate));
        }
        return d;
    }

    public Element endpoint(String name, String binding, String location) {
        Element e = md(name);
        e.setAttribute("Binding", binding);
        e.setAttribute("Location", location);
        return e;
    }

    /** The default AssertionConsumerService, index 0, HTTP-POST. */
    public Element defaultAssertionConsumerService(String location) {
        Element acs = endpoint("AssertionConsumerService", HTTP_POST, location);
        acs.setAttribute("index", "0");
        acs.setAttribute("isDefault", "true");
        return acs;
    }

    public Element organization(SpidServiceProviderConfig sp) {
        Element org = md("Organization");
        appendLocalized(org, "OrganizationName", sp.organizationNames());
        appendLocalized(org, "OrganizationDisplayName", sp.organizationDisplayNames());
        appendLocalized(org, "OrganizationURL", sp.organizationUrls());
        return org;
    }

    public Element localized(String name, String lang, String value) {
        Element e = text(md(name), value);
        e.setAttributeNS(XML, "xml:lang", lang);
        return e;
    }

    private void appendLocalized(Element parent, String name, Map<String, String> byLanguage) {
        byLanguage.forEach((lang, value) -> parent.appendChild(localized(name, lang, value)));
    }

    private Element signingKeyDescriptor(X509Certificate certificate) {
        Element kd = md("KeyDescriptor");
        kd.setAttribute("use", "signing");
        Element keyInfo = element(DS, "ds", "KeyInfo");
        Element x509Data = element(DS, "ds", "X509Data");
        Element cert = element(DS, "ds", "X509Certificate");
        try {
            cert.setTextContent(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("The signing certificate cannot be encoded", e);
        }
        x509Data.appendChild(cert);
        keyInfo.appendChild(x509Data);
        kd.appendChild(keyInfo);
        return kd;
    }

    /** Sets the EntityDescriptor's ID from the content written so far: the same settings give the same document. */
    public void identifyByContent(Element entity) {
        try {
            String xml = DocumentUtil.getDocumentAsString(doc);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8));
            entity.setAttribute("ID", "_" + HexFormat.of().formatHex(hash, 0, 20));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot digest the metadata", e);
        }
        entity.setIdAttribute("ID", true);
    }
}
