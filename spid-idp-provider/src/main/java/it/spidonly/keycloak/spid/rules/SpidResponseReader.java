package it.spidonly.keycloak.spid.rules;

import static it.spidonly.keycloak.spid.rules.SamlXml.ASSERTION;
import static it.spidonly.keycloak.spid.rules.SamlXml.DS;
import static it.spidonly.keycloak.spid.rules.SamlXml.PROTOCOL;
import static it.spidonly.keycloak.spid.rules.SamlXml.attribute;
import static it.spidonly.keycloak.spid.rules.SamlXml.child;
import static it.spidonly.keycloak.spid.rules.SamlXml.children;
import static it.spidonly.keycloak.spid.rules.SamlXml.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Builds a {@link SpidResponse} from a parsed message, reading the message's own DOM (no copy, issue 19); never
 * throws on odd structure, it records it.
 */
final class SpidResponseReader {
    private final Document document;
    /** ID/Id/id attribute values of the whole message and how often each occurs, counted once per message. */
    private java.util.Map<String, Integer> idValues;

    private SpidResponseReader(Document document) {
        this.document = document;
    }

    static SpidResponse read(Document document) {
        Element root = document.getDocumentElement();
        if (root == null || !PROTOCOL.equals(root.getNamespaceURI()) || !"Response".equals(root.getLocalName())) {
            throw new IllegalArgumentException("Not a samlp:Response");
        }
        return new SpidResponseReader(document).response();
    }

    private SpidResponse response() {
        Element root = document.getDocumentElement();
        List<Element> assertions = children(root, ASSERTION, "Assertion");
        Optional<AssertionView> assertion = assertions.isEmpty() ? Optional.empty()
                : Optional.of(assertion(assertions.get(0)));
        return new SpidResponse(header(root), attribute(root, "InResponseTo"), attribute(root, "Destination"),
                child(root, PROTOCOL, "Status").map(this::status), assertions.size(),
                document.getElementsByTagNameNS(ASSERTION, "Assertion").getLength(),
                children(root, ASSERTION, "EncryptedAssertion").size(), signature(root), assertion);
    }

    private SpidResponse.Header header(Element element) {
        Optional<SpidResponse.Issuer> issuer = child(element, ASSERTION, "Issuer")
                .map(e -> new SpidResponse.Issuer(text(e), attribute(e, "Format")));
        return new SpidResponse.Header(attribute(element, "ID"), attribute(element, "Version"),
                attribute(element, "IssueInstant"), issuer);
    }

    private SpidResponse.Status status(Element status) {
        Optional<Element> code = child(status, PROTOCOL, "StatusCode");
        String subCode = code.flatMap(c -> child(c, PROTOCOL, "StatusCode")).map(c -> attribute(c, "Value")).orElse(null);
        String message = child(status, PROTOCOL, "StatusMessage").map(SamlXml::text).orElse(null);
        return new SpidResponse.Status(code.map(c -> attribute(c, "Value")).orElse(null), subCode, message);
    }

    private AssertionView assertion(Element assertion) {
        Optional<AssertionView.Subject> subject = child(assertion, ASSERTION, "Subject").map(this::subject);
        Optional<AssertionView.Conditions> conditions = child(assertion, ASSERTION, "Conditions").map(this::conditions);
        List<AssertionView.AuthnStatement> authn = children(assertion, ASSERTION, "AuthnStatement").stream()
                .map(this::authnStatement).toList();
        List<List<AssertionView.Attribute>> attributes = children(assertion, ASSERTION, "AttributeStatement").stream()
                .map(s -> children(s, ASSERTION, "Attribute").stream().map(this::attributeOf).toList()).toList();
        return new AssertionView(header(assertion), signature(assertion), subject, conditions, authn, attributes);
    }

    private AssertionView.Subject subject(Element subject) {
        Optional<AssertionView.NameId> nameId = child(subject, ASSERTION, "NameID").map(e ->
                new AssertionView.NameId(text(e), attribute(e, "Format"), attribute(e, "NameQualifier")));
        List<AssertionView.SubjectConfirmation> confirmations = children(subject, ASSERTION, "SubjectConfirmation")
                .stream().map(c -> new AssertionView.SubjectConfirmation(attribute(c, "Method"),
                        child(c, ASSERTION, "SubjectConfirmationData").map(d -> new AssertionView.ConfirmationData(
                                attribute(d, "Recipient"), attribute(d, "InResponseTo"), attribute(d, "NotOnOrAfter")))))
                .toList();
        return new AssertionView.Subject(nameId, confirmations);
    }

    private AssertionView.Conditions conditions(Element conditions) {
        List<List<String>> restrictions = children(conditions, ASSERTION, "AudienceRestriction").stream()
                .map(r -> children(r, ASSERTION, "Audience").stream().map(SamlXml::text).toList()).toList();
        return new AssertionView.Conditions(attribute(conditions, "NotBefore"), attribute(conditions, "NotOnOrAfter"), restrictions);
    }

    private AssertionView.AuthnStatement authnStatement(Element statement) {
        Optional<Element> context = child(statement, ASSERTION, "AuthnContext");
        String classRef = context.flatMap(c -> child(c, ASSERTION, "AuthnContextClassRef")).map(SamlXml::text).orElse(null);
        return new AssertionView.AuthnStatement(context.isPresent(), classRef);
    }

    private AssertionView.Attribute attributeOf(Element attribute) {
        List<Element> values = children(attribute, ASSERTION, "AttributeValue");
        String value = values.isEmpty() ? null : text(values.get(0));
        return new AssertionView.Attribute(attribute(attribute, "Name"), attribute(attribute, "NameFormat"), value, values.size());
    }

    private EnvelopedSignature signature(Element signed) {
        List<Element> signatures = children(signed, DS, "Signature");
        String id = attribute(signed, "ID");
        boolean unique = id != null && countIdValues(id) == 1;
        if (signatures.isEmpty()) {
            return new EnvelopedSignature(0, id, unique, null, null, List.of(), false, List.of(), signed, null);
        }
        Element signature = signatures.get(0);
        Optional<Element> signedInfo = child(signature, DS, "SignedInfo");
        String c14n = signedInfo.flatMap(si -> child(si, DS, "CanonicalizationMethod")).map(e -> attribute(e, "Algorithm")).orElse(null);
        String method = signedInfo.flatMap(si -> child(si, DS, "SignatureMethod")).map(e -> attribute(e, "Algorithm")).orElse(null);
        List<EnvelopedSignature.Reference> references = signedInfo.map(si -> children(si, DS, "Reference")).orElse(List.of())
                .stream().map(this::reference).toList();
        List<String> certificates = child(signature, DS, "KeyInfo").map(k -> children(k, DS, "X509Data")).orElse(List.of())
                .stream().flatMap(d -> children(d, DS, "X509Certificate").stream()).map(SamlXml::text).toList();
        return new EnvelopedSignature(signatures.size(), id, unique, c14n, method, references,
                !children(signature, DS, "Object").isEmpty(), certificates, signed, signature);
    }

    private EnvelopedSignature.Reference reference(Element reference) {
        List<String> transforms = child(reference, DS, "Transforms").map(t -> children(t, DS, "Transform")).orElse(List.of())
                .stream().map(t -> attribute(t, "Algorithm")).toList();
        String digest = child(reference, DS, "DigestMethod").map(e -> attribute(e, "Algorithm")).orElse(null);
        return new EnvelopedSignature.Reference(attribute(reference, "URI"), transforms, digest);
    }

    /** Elements of the message with an attribute named ID/Id/id of this value (any namespace). */
    private int countIdValues(String id) {
        if (idValues == null) {
            idValues = new java.util.HashMap<>();
            NodeList all = document.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                NamedNodeMap attributes = all.item(i).getAttributes();
                for (int a = 0; a < attributes.getLength(); a++) {
                    Node attribute = attributes.item(a);
                    String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                    if (name.equalsIgnoreCase("id")) {
                        idValues.merge(attribute.getNodeValue(), 1, Integer::sum);
                    }
                }
            }
        }
        return idValues.getOrDefault(id, 0);
    }
}
