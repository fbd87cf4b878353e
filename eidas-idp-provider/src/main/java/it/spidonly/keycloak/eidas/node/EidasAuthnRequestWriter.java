package it.spidonly.keycloak.eidas.node;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import it.spidonly.keycloak.eidas.claims.EidasLevel;

/**
 * Writes an eIDAS AuthnRequest (eIDAS SAML Message Format v1.2, 3.2; the EU eIDAS-Node's checks), unsigned: HTTP-POST
 * binding, {@code ForceAuthn="true"}, {@code IsPassive="false"}, Destination, Issuer, the ACS URL,
 * {@code eidas:SPType} (public or private; SPType goes in the request, so the SP metadata must not carry it) and
 * {@code eidas:RequestedAttributes} with URI NameFormat and isRequired, NameIDPolicy persistent with AllowCreate, and
 * one notified level with Comparison {@code minimum}. Sign it with {@link EidasXmlSigner}.
 */
public final class EidasAuthnRequestWriter {
    public static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String EIDAS = "http://eidas.europa.eu/saml-extensions";
    public static final String NAME_FORMAT_URI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
    public static final String NAMEID_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final String HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    /**
     * @param id         request ID (must not start with a digit)
     * @param spType     {@code public} or {@code private}
     */
    public record Request(String id, Instant issueInstant, String spEntityId, String destination, String acsUrl,
                          String spType, EidasLevel level, List<EidasRequestedAttribute> attributes) {
    }

    private EidasAuthnRequestWriter() {
    }

    public static Document write(Request r) {
        if (!"public".equals(r.spType()) && !"private".equals(r.spType())) {
            throw new IllegalArgumentException("SPType is public or private");
        }
        Document doc;
        try {
            doc = DocumentUtil.createDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Element request = doc.createElementNS(SAMLP, "saml2p:AuthnRequest");
        request.setAttributeNS(XMLNS, "xmlns:saml2p", SAMLP);
        request.setAttributeNS(XMLNS, "xmlns:saml2", SAML);
        request.setAttributeNS(XMLNS, "xmlns:eidas", EIDAS);
        request.setAttribute("ID", r.id());
        request.setAttribute("Version", "2.0");
        request.setAttribute("IssueInstant", DateTimeFormatter.ISO_INSTANT.format(r.issueInstant().truncatedTo(ChronoUnit.MILLIS)));
        request.setAttribute("Destination", r.destination());
        request.setAttribute("AssertionConsumerServiceURL", r.acsUrl());
        request.setAttribute("ProtocolBinding", HTTP_POST);
        request.setAttribute("ForceAuthn", "true");
        request.setAttribute("IsPassive", "false");
        request.setAttribute("Consent", "urn:oasis:names:tc:SAML:2.0:consent:unspecified");
        doc.appendChild(request);

        Element issuer = child(request, SAML, "saml2:Issuer");
        issuer.setAttribute("Format", "urn:oasis:names:tc:SAML:2.0:nameid-format:entity");
        issuer.setTextContent(r.spEntityId());

        Element extensions = child(request, SAMLP, "saml2p:Extensions");
        child(extensions, EIDAS, "eidas:SPType").setTextContent(r.spType());
        Element requested = child(extensions, EIDAS, "eidas:RequestedAttributes");
        for (EidasRequestedAttribute attribute : r.attributes()) {
            Element a = child(requested, EIDAS, "eidas:RequestedAttribute");
            a.setAttribute("Name", attribute.name());
            a.setAttribute("NameFormat", NAME_FORMAT_URI);
            a.setAttribute("isRequired", String.valueOf(attribute.required()));
        }

        Element policy = child(request, SAMLP, "saml2p:NameIDPolicy");
        policy.setAttribute("Format", NAMEID_PERSISTENT);
        policy.setAttribute("AllowCreate", "true");

        Element context = child(request, SAMLP, "saml2p:RequestedAuthnContext");
        context.setAttribute("Comparison", "minimum");
        child(context, SAML, "saml2:AuthnContextClassRef").setTextContent(r.level().uri());
        request.setIdAttribute("ID", true);
        return doc;
    }

    /** The element the signature goes before (SAML: right after the Issuer). */
    public static Element afterIssuer(Document request) {
        return (Element) request.getDocumentElement().getElementsByTagNameNS(SAMLP, "Extensions").item(0);
    }

    private static Element child(Element parent, String ns, String name) {
        return (Element) parent.appendChild(parent.getOwnerDocument().createElementNS(ns, name));
    }
}
