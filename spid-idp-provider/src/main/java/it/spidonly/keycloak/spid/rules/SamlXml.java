package it.spidonly.keycloak.spid.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespaces and small DOM readers for the view (absent attribute: null; text: trimmed). */
final class SamlXml {
    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private SamlXml() {
    }

    static List<Element> childElements(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> result = new ArrayList<>();
        for (Element e : childElements(parent)) {
            if (namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    static Optional<Element> child(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).stream().findFirst();
    }

    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    static String text(Element element) {
        return element.getTextContent().trim();
    }
}
