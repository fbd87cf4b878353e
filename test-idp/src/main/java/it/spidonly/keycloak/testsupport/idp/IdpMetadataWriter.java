package it.spidonly.keycloak.testsupport.idp;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the signed IdP metadata: an EntityDescriptor (ds:Signature first, as the metadata schema requires) with an
 * IDPSSODescriptor that wants signed AuthnRequests, one signing certificate, transient NameIDs, and SSO and SLO
 * endpoints for HTTP-POST and HTTP-Redirect, like an accredited SPID IdP publishes in the AgID registry.
 */
final class IdpMetadataWriter {

    private static final String MD = SamlDom.METADATA_NS;

    private IdpMetadataWriter() {
    }

    static String write(String entityId, String ssoUrl, String sloUrl, SigningCredential credential) {
        Document doc = SamlXml.newDocument();
        Element entity = doc.createElementNS(MD, "md:EntityDescriptor");
        entity.setAttributeNS(SamlDom.XMLNS_NS, "xmlns:md", MD);
        entity.setAttribute("ID", RandomIds.samlId());
        entity.setAttribute("entityID", entityId);
        doc.appendChild(entity);
        Element idp = child(entity, "md:IDPSSODescriptor");
        idp.setAttribute("protocolSupportEnumeration", SamlDom.PROTOCOL_NS);
        idp.setAttribute("WantAuthnRequestsSigned", "true");
        Element key = child(idp, "md:KeyDescriptor");
        key.setAttribute("use", "signing");
        Element keyInfo = (Element) key.appendChild(doc.createElementNS(SamlDom.DSIG_NS, "ds:KeyInfo"));
        keyInfo.setAttributeNS(SamlDom.XMLNS_NS, "xmlns:ds", SamlDom.DSIG_NS);
        Element x509Data = (Element) keyInfo.appendChild(doc.createElementNS(SamlDom.DSIG_NS, "ds:X509Data"));
        x509Data.appendChild(doc.createElementNS(SamlDom.DSIG_NS, "ds:X509Certificate"))
                .setTextContent(credential.certificateBase64());
        endpoint(idp, "md:SingleLogoutService", SamlUris.BINDING_POST, sloUrl);
        endpoint(idp, "md:SingleLogoutService", SamlUris.BINDING_REDIRECT, sloUrl);
        child(idp, "md:NameIDFormat").setTextContent(SamlUris.NAMEID_TRANSIENT);
        endpoint(idp, "md:SingleSignOnService", SamlUris.BINDING_POST, ssoUrl);
        endpoint(idp, "md:SingleSignOnService", SamlUris.BINDING_REDIRECT, ssoUrl);
        EnvelopedSignature.signAsFirstChild(entity, credential);
        return SamlXml.write(doc);
    }

    private static void endpoint(Element parent, String name, String binding, String location) {
        Element endpoint = child(parent, name);
        endpoint.setAttribute("Binding", binding);
        endpoint.setAttribute("Location", location);
    }

    private static Element child(Element parent, String qualifiedName) {
        return (Element) parent.appendChild(parent.getOwnerDocument().createElementNS(MD, qualifiedName));
    }
}
