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
import java.util.TreeSet;

import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import it.spidonly.keycloak.spid.sp.AttributeConsumingService;
import it.spidonly.keycloak.spid.sp.BillingContact;
import it.spidonly.keycloak.spid.sp.SpType;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/**
 * Writes the one SP metadata document AgID accredits (SPID Regole tecniche "Metadata", Avviso n. 29 v3),
 * unsigned. Its content depends only on the SP settings, the signing certificate and the SP URLs — never
 * on which SPID IdPs the realm has — and its ID is derived from that content, so the same settings give
 * byte-identical metadata. Every list is written in a canonical order, whatever order the settings store it in
 * (the console may save the same values in another order): attribute consuming services by index, requested
 * attributes alphabetically and without repeats (the order of AgID's eIDAS example sets), languages "it" then
 * "en", the contacts "other" then "billing", the signing key's KeyDescriptor before the next keys' (in kid order).
 */
public final class SpidMetadataWriter {
    private final SpidServiceProviderConfig sp;
    private final X509Certificate certificate;
    private final List<X509Certificate> nextCertificates;
    private final SpidEndpointUrls urls;
    private Document doc;

    public SpidMetadataWriter(SpidServiceProviderConfig sp, X509Certificate certificate, SpidEndpointUrls urls) {
        this(sp, certificate, List.of(), urls);
    }

    /**
     * @param nextCertificates keys not signing yet, published after the signing key (each its own signing
     *        KeyDescriptor) so IdPs already trust them when they start signing: rotation without a gap
     */
    public SpidMetadataWriter(SpidServiceProviderConfig sp, X509Certificate certificate, List<X509Certificate> nextCertificates,
            SpidEndpointUrls urls) {
        this.sp = sp;
        this.certificate = certificate;
        this.nextCertificates = List.copyOf(nextCertificates);
        this.urls = urls;
    }

    public Document write() {
        try {
            doc = DocumentUtil.createDocument();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create an XML document", e);
        }
        Element entity = md("EntityDescriptor");
        entity.setAttributeNS(XMLNS, "xmlns:md", MD);
        entity.setAttributeNS(XMLNS, "xmlns:spid", SPID);
        entity.setAttributeNS(XMLNS, "xmlns:ds", DS);
        entity.setAttribute("entityID", sp.entityId());
        doc.appendChild(entity);
        entity.appendChild(spSsoDescriptor());
        entity.appendChild(organization());
        entity.appendChild(otherContact());
        if (sp.spType().orElse(SpType.PUBLIC) == SpType.PRIVATE) {
            entity.appendChild(billingContact());
        }
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
        for (X509Certificate next : nextCertificates) {
            d.appendChild(signingKeyDescriptor(next));
        }
        d.appendChild(endpoint("SingleLogoutService", HTTP_POST, urls.singleLogout()));
        d.appendChild(endpoint("SingleLogoutService", HTTP_REDIRECT, urls.singleLogout()));
        d.appendChild(text(md("NameIDFormat"), NAMEID_TRANSIENT));
        Element acs = endpoint("AssertionConsumerService", HTTP_POST, urls.assertionConsumerService());
        acs.setAttribute("index", "0");
        acs.setAttribute("isDefault", "true");
        d.appendChild(acs);
        for (AttributeConsumingService service : sp.attributeConsumingServices()) {
            d.appendChild(attributeConsumingService(service));
        }
        return d;
    }

    private Element signingKeyDescriptor(X509Certificate certificate) {
        Element kd = md("KeyDescriptor");
        kd.setAttribute("use", "signing");
        Element keyInfo = doc.createElementNS(DS, "ds:KeyInfo");
        Element x509Data = doc.createElementNS(DS, "ds:X509Data");
        Element cert = doc.createElementNS(DS, "ds:X509Certificate");
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

    private Element attributeConsumingService(AttributeConsumingService service) {
        Element acs = md("AttributeConsumingService");
        acs.setAttribute("index", String.valueOf(service.index()));
        acs.appendChild(localized("ServiceName", "it", service.serviceName()));
        for (String attribute : new TreeSet<>(service.requestedAttributes())) {
            Element ra = md("RequestedAttribute");
            ra.setAttribute("Name", attribute);
            acs.appendChild(ra);
        }
        return acs;
    }

    private Element organization() {
        Element org = md("Organization");
        appendLocalized(org, "OrganizationName", sp.organizationNames());
        appendLocalized(org, "OrganizationDisplayName", sp.organizationDisplayNames());
        appendLocalized(org, "OrganizationURL", sp.organizationUrls());
        return org;
    }

    /** Avviso n. 29 v3: ContactPerson "other" with the public or private SPID extensions. */
    private Element otherContact() {
        Element contact = md("ContactPerson");
        contact.setAttribute("contactType", "other");
        Element ext = md("Extensions");
        if (sp.spType().orElse(SpType.PUBLIC) == SpType.PUBLIC) {
            ext.appendChild(text(spid("IPACode"), sp.ipaCode()));
            ext.appendChild(spid("Public"));
        } else {
            if (sp.vatNumber() != null) {
                ext.appendChild(text(spid("VATNumber"), sp.vatNumber()));
            }
            if (sp.fiscalCode() != null) {
                ext.appendChild(text(spid("FiscalCode"), sp.fiscalCode()));
            }
            ext.appendChild(spid("Private"));
        }
        contact.appendChild(ext);
        contact.appendChild(text(md("EmailAddress"), sp.contactEmail()));
        if (sp.contactPhone() != null) {
            contact.appendChild(text(md("TelephoneNumber"), sp.contactPhone()));
        }
        return contact;
    }

    /** Avviso n. 29 v3: a private SP's billing contact with the invoicing extension. */
    private Element billingContact() {
        BillingContact b = sp.billingContact();
        Element contact = md("ContactPerson");
        contact.setAttribute("contactType", "billing");
        Element ext = md("Extensions");
        ext.setAttributeNS(XMLNS, "xmlns:fpa", SPID_INVOICING);
        Element cc = fpa(ext, "CessionarioCommittente");
        Element anagraphic = fpa(cc, "DatiAnagrafici");
        if (b.vatNumber() != null) {
            Element vat = fpa(anagraphic, "IdFiscaleIVA");
            text(fpa(vat, "IdPaese"), b.country());
            text(fpa(vat, "IdCodice"), b.vatNumber());
        } else {
            text(fpa(anagraphic, "CodiceFiscale"), b.fiscalCode());
        }
        text(fpa(fpa(anagraphic, "Anagrafica"), "Denominazione"), b.companyName());
        Element seat = fpa(cc, "Sede");
        text(fpa(seat, "Indirizzo"), b.street());
        text(fpa(seat, "CAP"), b.postalCode());
        text(fpa(seat, "Comune"), b.town());
        if (b.province() != null) {
            text(fpa(seat, "Provincia"), b.province());
        }
        text(fpa(seat, "Nazione"), b.country());
        contact.appendChild(ext);
        contact.appendChild(text(md("Company"), b.companyName()));
        if (b.email() != null) {
            contact.appendChild(text(md("EmailAddress"), b.email()));
        }
        return contact;
    }

    private void appendLocalized(Element parent, String name, Map<String, String> byLanguage) {
        byLanguage.forEach((lang, value) -> parent.appendChild(localized(name, lang, value)));
    }

    private Element localized(String name, String lang, String value) {
        Element e = text(md(name), value);
        e.setAttributeNS(XML, "xml:lang", lang);
        return e;
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

    private Element spid(String localName) {
        return doc.createElementNS(SPID, "spid:" + localName);
    }

    private Element fpa(Element parent, String localName) {
        Element e = doc.createElementNS(SPID_INVOICING, "fpa:" + localName);
        parent.appendChild(e);
        return e;
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
