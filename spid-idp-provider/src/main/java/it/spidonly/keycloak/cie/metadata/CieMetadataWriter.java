package it.spidonly.keycloak.cie.metadata;

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

import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.sp.SpType;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * Writes the CIE SP metadata, unsigned (CIE SAML rules, "Metadata"; schema saml-schema-metadata-sp-cie.xsd): one
 * SPSSODescriptor (signed requests and assertions, the signing keys, SingleLogoutService with HTTP-Redirect and
 * HTTP-POST, transient NameIDFormat, the shared ACS index 0, one AttributeConsumingService whose one ServiceName is a
 * {@code urn:uuid:} with {@code xml:lang=""} and that asks only the four CIE attributes), the Organization shared with
 * SPID and one {@code administrative} ContactPerson with the {@code cie:} extensions. Like the SPID writer, its content
 * depends only on the settings, the keys and the URLs (never on the realm's IdPs), and its ID on that content.
 */
public final class CieMetadataWriter {
    public static final String CIE = "https://www.cartaidentita.interno.gov.it/saml-extensions";

    private final CieServiceProvider cie;
    private final X509Certificate certificate;
    private final List<X509Certificate> nextCertificates;
    private Document doc;

    public CieMetadataWriter(CieServiceProvider cie, X509Certificate certificate, List<X509Certificate> nextCertificates) {
        this.cie = cie;
        this.certificate = certificate;
        this.nextCertificates = List.copyOf(nextCertificates);
    }

    public Document write() {
        try {
            doc = DocumentUtil.createDocument();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create an XML document", e);
        }
        Element entity = md("EntityDescriptor");
        entity.setAttributeNS(XMLNS, "xmlns:md", MD);
        entity.setAttributeNS(XMLNS, "xmlns:ds", DS);
        entity.setAttributeNS(XMLNS, "xmlns:cie", CIE);
        entity.setAttribute("entityID", cie.entityId());
        doc.appendChild(entity);
        entity.appendChild(spSsoDescriptor());
        entity.appendChild(organization());
        entity.appendChild(administrativeContact());
        entity.setAttribute("ID", "_" + contentDigest());
        entity.setIdAttribute("ID", true);
        return doc;
    }

    private Element spSsoDescriptor() {
        Element d = md("SPSSODescriptor");
        d.setAttribute("protocolSupportEnumeration", PROTOCOL);
        d.setAttribute("AuthnRequestsSigned", "true");
        d.setAttribute("WantAssertionsSigned", "true");
        d.appendChild(signingKeyDescriptor(certificate));
        nextCertificates.forEach(next -> d.appendChild(signingKeyDescriptor(next)));
        // CIE (IPZS check 4.9): at least one SingleLogoutService with HTTP-Redirect
        d.appendChild(endpoint("SingleLogoutService", HTTP_REDIRECT, cie.urls().singleLogout()));
        d.appendChild(endpoint("SingleLogoutService", HTTP_POST, cie.urls().singleLogout()));
        d.appendChild(text(md("NameIDFormat"), NAMEID_TRANSIENT));
        Element acs = endpoint("AssertionConsumerService", HTTP_POST, cie.urls().assertionConsumerService());
        acs.setAttribute("index", "0");
        acs.setAttribute("isDefault", "true");
        d.appendChild(acs);
        Element service = md("AttributeConsumingService");
        service.setAttribute("index", "0");
        Element name = text(md("ServiceName"), cie.serviceName());
        name.setAttributeNS(XML, "xml:lang", "");
        service.appendChild(name);
        for (String attribute : CieServiceProvider.ATTRIBUTES) {
            Element requested = md("RequestedAttribute");
            requested.setAttribute("Name", attribute);
            service.appendChild(requested);
        }
        d.appendChild(service);
        return d;
    }

    private Element signingKeyDescriptor(X509Certificate cert) {
        Element kd = md("KeyDescriptor");
        kd.setAttribute("use", "signing");
        Element keyInfo = doc.createElementNS(DS, "ds:KeyInfo");
        Element x509Data = doc.createElementNS(DS, "ds:X509Data");
        Element value = doc.createElementNS(DS, "ds:X509Certificate");
        try {
            value.setTextContent(Base64.getEncoder().encodeToString(cert.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("The signing certificate cannot be encoded", e);
        }
        x509Data.appendChild(value);
        keyInfo.appendChild(x509Data);
        kd.appendChild(keyInfo);
        return kd;
    }

    private Element organization() {
        SpidServiceProviderConfig sp = cie.shared();
        Element org = md("Organization");
        appendLocalized(org, "OrganizationName", sp.organizationNames());
        appendLocalized(org, "OrganizationDisplayName", sp.organizationDisplayNames());
        appendLocalized(org, "OrganizationURL", sp.organizationUrls());
        return org;
    }

    /** CIE: ContactPerson "administrative" (the SP itself) with Extensions, Company = OrganizationName, EmailAddress. */
    private Element administrativeContact() {
        SpidServiceProviderConfig sp = cie.shared();
        Element contact = md("ContactPerson");
        contact.setAttribute("contactType", "administrative");
        Element ext = md("Extensions");
        if (cie.spType() == SpType.PUBLIC) {
            ext.appendChild(cie("Public"));
            optional(ext, "IPACode", sp.ipaCode());
            optional(ext, "IPACategory", cie.ipaCategory());
            optional(ext, "VATNumber", sp.vatNumber());
            optional(ext, "FiscalCode", sp.fiscalCode());
        } else {
            ext.appendChild(cie("Private"));
            optional(ext, "VATNumber", sp.vatNumber());
            optional(ext, "FiscalCode", sp.fiscalCode());
            cie.nace2Codes().forEach(code -> optional(ext, "NACE2Code", code));
        }
        optional(ext, "Municipality", cie.municipality());
        optional(ext, "Province", cie.province());
        optional(ext, "Country", cie.country());
        contact.appendChild(ext);
        contact.appendChild(text(md("Company"), cie.contactCompany()));
        contact.appendChild(text(md("EmailAddress"), cie.contactEmail()));
        if (sp.contactPhone() != null) {
            contact.appendChild(text(md("TelephoneNumber"), sp.contactPhone()));
        }
        return contact;
    }

    private void optional(Element parent, String name, String value) {
        if (value != null) {
            parent.appendChild(text(cie(name), value));
        }
    }

    private void appendLocalized(Element parent, String name, Map<String, String> byLanguage) {
        byLanguage.forEach((lang, value) -> {
            Element e = text(md(name), value);
            e.setAttributeNS(XML, "xml:lang", lang);
            parent.appendChild(e);
        });
    }

    private Element endpoint(String name, String binding, String location) {
        Element e = md(name);
        e.setAttribute("Binding", binding);
        e.setAttribute("Location", location);
        return e;
    }

    private Element md(String localName) {
        return doc.createElementNS(MD, "md:" + localName);
    }

    private Element cie(String localName) {
        return doc.createElementNS(CIE, "cie:" + localName);
    }

    private static Element text(Element e, String value) {
        e.setTextContent(value);
        return e;
    }

    private String contentDigest() {
        try {
            String xml = DocumentUtil.getDocumentAsString(doc);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot digest the metadata", e);
        }
    }
}
