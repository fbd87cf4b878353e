package it.spidonly.keycloak.testsupport.idp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Namespaces and small DOM finders for SAML messages, so that a {@link ResponseMutation} reads like the change it
 * makes: {@code SamlDom.first(response, SamlDom.ASSERTION_NS, "Audience").setTextContent("x")}.
 */
public final class SamlDom {

    public static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String XS_NS = "http://www.w3.org/2001/XMLSchema";
    public static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    private SamlDom() {
    }

    /** All descendants of {@code scope} (document order) with that namespace and local name. */
    public static List<Element> all(Node scope, String namespace, String localName) {
        NodeList nodes = scope instanceof Document document
                ? document.getElementsByTagNameNS(namespace, localName)
                : ((Element) scope).getElementsByTagNameNS(namespace, localName);
        List<Element> result = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    /** The first descendant with that name, or empty. */
    public static Optional<Element> find(Node scope, String namespace, String localName) {
        List<Element> found = all(scope, namespace, localName);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The first descendant with that name; fails when there is none. */
    public static Element first(Node scope, String namespace, String localName) {
        return find(scope, namespace, localName)
                .orElseThrow(() -> new IllegalStateException("No " + localName + " element in the message"));
    }

    /** The direct children of {@code parent} with that name. */
    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    /** The first direct child of {@code parent} with that name, or {@code null}. */
    public static Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The Assertion elements that are direct children of the Response. */
    public static List<Element> assertions(Document response) {
        return children(response.getDocumentElement(), ASSERTION_NS, "Assertion");
    }

    /** The value of an attribute, or {@code null} when it is absent (DOM returns "" for both). */
    public static String attributeOrNull(Element element, String name) {
        return element != null && element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    /** Removes the ds:Signature elements that are direct children of {@code signed}. */
    public static void removeSignatures(Element signed) {
        for (Element signature : children(signed, DSIG_NS, "Signature")) {
            signed.removeChild(signature);
        }
    }
}
