package it.spidonly.keycloak.spid.metadata;

import static it.spidonly.keycloak.spid.metadata.SamlNames.*;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.TreeSet;

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
    private MetadataDocument doc;

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
        doc = MetadataDocument.create();
        Element entity = md("EntityDescriptor");
        entity.setAttributeNS(XMLNS, "xmlns:md", MD);
        entity.setAttributeNS(XMLNS, "xmlns:spid", SPID);
        entity.setAttributeNS(XMLNS, "xmlns:ds", DS);
        entity.setAttribute("entityID", sp.entityId());
        doc.document().appendChild(entity);
        entity.appendChild(spSsoDescriptor());
        entity.appendChild(organization());
        entity.appendChild(otherContact());
        if (sp.spType().orElse(SpType.PUBLIC) == SpType.PRIVATE) {
            entity.appendChild(billingContact());
        }
        doc.identifyByContent(entity);
        return doc.document();
    }

    private Element spSsoDescriptor() {
        Element d = doc.spSsoDescriptor(certificate, nextCertificates);
        d.appendChild(endpoint("SingleLogoutService", HTTP_POST, urls.singleLogout()));
        d.appendChild(endpoint("SingleLogoutService", HTTP_REDIRECT, urls.singleLogout()));
        d.appendChild(text(md("NameIDFormat"), NAMEID_TRANSIENT));
        d.appendChild(doc.defaultAssertionConsumerService(urls.assertionConsumerService()));
        for (AttributeConsumingService service : sp.attributeConsumingServices()) {
            d.appendChild(attributeConsumingService(service));
        }
        return d;
    }

    private Element attributeConsumingService(AttributeConsumingService service) {
        Element acs = md("AttributeConsumingService");
        acs.setAttribute("index", String.valueOf(service.index()));
        acs.appendChild(doc.localized("ServiceName", "it", service.serviceName()));
        for (String attribute : new TreeSet<>(service.requestedAttributes())) {
            Element ra = md("RequestedAttribute");
            ra.setAttribute("Name", attribute);
            acs.appendChild(ra);
        }
        return acs;
    }

    private Element organization() {
        return doc.organization(sp);
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

    private Element endpoint(String name, String binding, String location) {
        return doc.endpoint(name, binding, location);
    }

    private Element md(String localName) {
        return doc.md(localName);
    }

    private Element spid(String localName) {
        return doc.element(SPID, "spid", localName);
    }

    private Element fpa(Element parent, String localName) {
        Element e = doc.element(SPID_INVOICING, "fpa", localName);
        parent.appendChild(e);
        return e;
    }

    private static Element text(Element e, String value) {
        return MetadataDocument.text(e, value);
    }
}
