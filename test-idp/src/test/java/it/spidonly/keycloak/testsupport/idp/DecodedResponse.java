package it.spidonly.keycloak.testsupport.idp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.api.saml.v2.sig.SAML2Signature;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A SAMLResponse from the test IdP, decoded and checked the way an SP would, with Keycloak's classes. */
final class DecodedResponse {

    final String xml;
    final Document doc;

    private DecodedResponse(String xml) throws Exception {
        this.xml = xml;
        this.doc = DocumentUtil.getDocument(xml);
        SAML2Signature.configureIdAttribute(doc);
    }

    static DecodedResponse of(String samlResponse) throws Exception {
        return new DecodedResponse(new String(Base64.getDecoder().decode(samlResponse), UTF_8));
    }

    Element root() {
        return doc.getDocumentElement();
    }

    Element assertion() {
        List<Element> assertions = SamlDom.assertions(doc);
        return assertions.isEmpty() ? null : assertions.get(0);
    }

    boolean responseSignatureValid(X509Certificate trusted) throws Exception {
        return signatureOf(root(), trusted);
    }

    boolean assertionSignatureValid(X509Certificate trusted) throws Exception {
        return signatureOf(assertion(), trusted);
    }

    /** The signature right after Issuer, referencing this element's ID, verifies with the trusted key only. */
    private static boolean signatureOf(Element signed, X509Certificate trusted) throws Exception {
        Element issuer = SamlDom.child(signed, SamlDom.ASSERTION_NS, "Issuer");
        if (!(issuer.getNextSibling() instanceof Element signature) || !"Signature".equals(signature.getLocalName())
                || !SamlDom.DSIG_NS.equals(signature.getNamespaceURI())) {
            return false;
        }
        String uri = SamlDom.first(signature, SamlDom.DSIG_NS, "Reference").getAttribute("URI");
        return uri.equals("#" + signed.getAttribute("ID"))
                && XMLSignatureUtil.validateSingleNode(signature, new HardcodedKeyLocator(trusted.getPublicKey()));
    }

    String assertionText(String localName) {
        return SamlDom.first(doc, SamlDom.ASSERTION_NS, localName).getTextContent();
    }

    Element assertionElement(String localName) {
        return SamlDom.first(doc, SamlDom.ASSERTION_NS, localName);
    }

    Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Element attribute : SamlDom.all(doc, SamlDom.ASSERTION_NS, "Attribute")) {
            attributes.put(attribute.getAttribute("Name"),
                    SamlDom.first(attribute, SamlDom.ASSERTION_NS, "AttributeValue").getTextContent());
        }
        return attributes;
    }

    List<String> statusCodes() {
        return SamlDom.all(doc, SamlDom.PROTOCOL_NS, "StatusCode").stream().map(e -> e.getAttribute("Value")).toList();
    }

    String statusMessage() {
        return SamlDom.find(doc, SamlDom.PROTOCOL_NS, "StatusMessage").map(Element::getTextContent).orElse(null);
    }
}
