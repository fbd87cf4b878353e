package it.spidonly.keycloak.cie.metadata;

import static it.spidonly.keycloak.spid.metadata.SamlNames.*;

import java.security.cert.X509Certificate;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.metadata.MetadataDocument;
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
    private MetadataDocument doc;

    public CieMetadataWriter(CieServiceProvider cie, X509Certificate certificate, List<X509Certificate> nextCertificates) {
        this.cie = cie;
        this.certificate = certificate;
        this.nextCertificates = List.copyOf(nextCertificates);
    }

    public Document write() {
        doc = MetadataDocument.create();
        Element entity = md("EntityDescriptor");
        entity.setAttributeNS(XMLNS, "xmlns:md", MD);
        entity.setAttributeNS(XMLNS, "xmlns:ds", DS);
        entity.setAttributeNS(XMLNS, "xmlns:cie", CIE);
        entity.setAttribute("entityID", cie.entityId());
        doc.document().appendChild(entity);
        entity.appendChild(spSsoDescriptor());
        entity.appendChild(doc.organization(cie.shared()));
        entity.appendChild(administrativeContact());
        doc.identifyByContent(entity);
        return doc.document();
    }

    private Element spSsoDescriptor() {
        Element d = doc.spSsoDescriptor(certificate, nextCertificates);
        // CIE (IPZS check 4.9): at least one SingleLogoutService with HTTP-Redirect
        d.appendChild(endpoint("SingleLogoutService", HTTP_REDIRECT, cie.urls().singleLogout()));
        d.appendChild(endpoint("SingleLogoutService", HTTP_POST, cie.urls().singleLogout()));
        d.appendChild(text(md("NameIDFormat"), NAMEID_TRANSIENT));
        d.appendChild(doc.defaultAssertionConsumerService(cie.urls().assertionConsumerService()));
        Element service = md("AttributeConsumingService");
        service.setAttribute("index", "0");
        service.appendChild(doc.localized("ServiceName", "", cie.serviceName()));
        for (String attribute : CieServiceProvider.ATTRIBUTES) {
            Element requested = md("RequestedAttribute");
            requested.setAttribute("Name", attribute);
            service.appendChild(requested);
        }
        d.appendChild(service);
        return d;
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

    private Element endpoint(String name, String binding, String location) {
        return doc.endpoint(name, binding, location);
    }

    private Element md(String localName) {
        return doc.md(localName);
    }

    private Element cie(String localName) {
        return doc.element(CIE, "cie", localName);
    }

    private static Element text(Element e, String value) {
        return MetadataDocument.text(e, value);
    }
}
