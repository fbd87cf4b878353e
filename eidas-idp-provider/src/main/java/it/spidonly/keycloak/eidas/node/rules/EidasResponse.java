package it.spidonly.keycloak.eidas.node.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A read-only view of an eIDAS Response (after the EncryptedAssertion, if any, was decrypted in place): what the
 * rules look at. {@code wasEncrypted} says whether the assertion arrived encrypted.
 */
public final class EidasResponse {
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private final Element response;
    private final int encryptedAssertions;
    private final boolean wasEncrypted;

    private EidasResponse(Element response, int encryptedAssertions, boolean wasEncrypted) {
        this.response = response;
        this.encryptedAssertions = encryptedAssertions;
        this.wasEncrypted = wasEncrypted;
    }

    /**
     * @param encryptedAssertions how many EncryptedAssertion elements the Response had before decryption
     * @param wasEncrypted        whether the assertion now in the document was decrypted from one
     */
    public static EidasResponse of(Document document, int encryptedAssertions, boolean wasEncrypted) {
        return new EidasResponse(document.getDocumentElement(), encryptedAssertions, wasEncrypted);
    }

    public Element element() {
        return response;
    }

    public String destination() {
        return response.getAttribute("Destination");
    }

    /** The Response's own enveloped signature, if any (a direct child). */
    public Optional<Element> signature() {
        return child(response, DS, "Signature");
    }

    /** Assertions (plain or decrypted) plus encrypted ones still in the Response. */
    public int assertionCount() {
        return children(response, SAML, "Assertion").size() + children(response, SAML, "EncryptedAssertion").size();
    }

    public int encryptedAssertionsReceived() {
        return encryptedAssertions;
    }

    public boolean assertionWasEncrypted() {
        return wasEncrypted;
    }

    public Optional<Element> assertion() {
        List<Element> assertions = children(response, SAML, "Assertion");
        return assertions.size() == 1 ? Optional.of(assertions.get(0)) : Optional.empty();
    }

    /** Every SignatureMethod and DigestMethod algorithm in the document. */
    public List<String> signatureAlgorithms() {
        return algorithms("SignatureMethod");
    }

    public List<String> digestAlgorithms() {
        return algorithms("DigestMethod");
    }

    public Optional<String> levelOfAssurance() {
        return assertion().flatMap(a -> descendant(a, SAML, "AuthnContextClassRef")).map(e -> e.getTextContent().trim());
    }

    public List<String> audiences() {
        List<String> out = new ArrayList<>();
        assertion().ifPresent(a -> {
            var nodes = a.getElementsByTagNameNS(SAML, "Audience");
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent().trim());
            }
        });
        return out;
    }

    /** Names of the attributes that carry at least one non-blank value. */
    public List<String> attributeNames() {
        List<String> out = new ArrayList<>();
        assertion().ifPresent(a -> {
            var nodes = a.getElementsByTagNameNS(SAML, "Attribute");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element attribute = (Element) nodes.item(i);
                if (descendant(attribute, SAML, "AttributeValue").map(v -> !v.getTextContent().isBlank()).orElse(false)) {
                    out.add(attribute.getAttribute("Name"));
                }
            }
        });
        return out;
    }

    /** The assertion's Attribute elements with this Name. */
    public List<Element> attributes(String name) {
        List<Element> out = new ArrayList<>();
        assertion().ifPresent(a -> {
            var nodes = a.getElementsByTagNameNS(SAML, "Attribute");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element attribute = (Element) nodes.item(i);
                if (name.equals(attribute.getAttribute("Name"))) {
                    out.add(attribute);
                }
            }
        });
        return out;
    }

    private List<String> algorithms(String localName) {
        List<String> out = new ArrayList<>();
        var nodes = response.getElementsByTagNameNS(DS, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute("Algorithm"));
        }
        return out;
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String ns, String localName) {
        return children(parent, ns, localName).stream().findFirst();
    }

    static Optional<Element> descendant(Element parent, String ns, String localName) {
        var nodes = parent.getElementsByTagNameNS(ns, localName);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of((Element) nodes.item(0));
    }
}
