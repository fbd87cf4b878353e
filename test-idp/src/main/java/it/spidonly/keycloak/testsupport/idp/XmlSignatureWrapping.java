package it.spidonly.keycloak.testsupport.idp;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The eight XML Signature Wrapping attacks on SAML (XSW1–XSW8, Somorovsky et al., "On Breaking SAML: Be Whoever
 * You Want to Be", 2012), applied after the IdP has signed: the validly signed original is moved somewhere the
 * signature still finds it (a sibling, a ds:Object, an Extensions element, inside the evil element) and an "evil"
 * element, whose fiscal number is changed, takes the place an SP reads. A SP must refuse all of them.
 */
public final class XmlSignatureWrapping {

    /** The fiscal number the evil assertions claim. */
    public static final String EVIL_FISCAL_NUMBER = "TINIT-VLEVLE80A01H501X";

    private XmlSignatureWrapping() {
    }

    /** XSW1: a copy of the signed Response goes inside the Response signature; the outer Response is evil. */
    public static ResponseMutation xsw1() {
        return ResponseMutation.onceSigned(doc -> {
            Element response = doc.getDocumentElement();
            Element original = unsignedCopy(response);
            signature(response).appendChild(original);
            response.setAttribute("ID", RandomIds.samlId());
            makeEvil(SamlDom.assertions(doc).get(0));
        });
    }

    /** XSW2: like XSW1, with the signed copy placed before the (now detached) signature. */
    public static ResponseMutation xsw2() {
        return ResponseMutation.onceSigned(doc -> {
            Element response = doc.getDocumentElement();
            Element original = unsignedCopy(response);
            response.insertBefore(original, signature(response));
            response.setAttribute("ID", RandomIds.samlId());
            makeEvil(SamlDom.assertions(doc).get(0));
        });
    }

    /** XSW3: an evil assertion with a new ID before the signed one. */
    public static ResponseMutation xsw3() {
        return ResponseMutation.onceSigned(doc -> {
            Element assertion = SamlDom.assertions(doc).get(0);
            Element evil = evilCopy(assertion);
            assertion.getParentNode().insertBefore(evil, assertion);
        });
    }

    /** XSW4: an evil assertion wraps the signed one. */
    public static ResponseMutation xsw4() {
        return ResponseMutation.onceSigned(doc -> {
            Element assertion = SamlDom.assertions(doc).get(0);
            Element evil = evilCopy(assertion);
            Node parent = assertion.getParentNode();
            parent.replaceChild(evil, assertion);
            evil.appendChild(assertion);
        });
    }

    /** XSW5: the signed assertion becomes evil (new ID, same signature); an unsigned copy of the original is appended. */
    public static ResponseMutation xsw5() {
        return ResponseMutation.onceSigned(doc -> {
            Element assertion = SamlDom.assertions(doc).get(0);
            Element original = unsignedCopy(assertion);
            assertion.setAttribute("ID", RandomIds.samlId());
            makeEvil(assertion);
            doc.getDocumentElement().appendChild(original);
        });
    }

    /** XSW6: like XSW5, with the copy of the original inside the evil assertion's signature. */
    public static ResponseMutation xsw6() {
        return ResponseMutation.onceSigned(doc -> {
            Element assertion = SamlDom.assertions(doc).get(0);
            Element original = unsignedCopy(assertion);
            assertion.setAttribute("ID", RandomIds.samlId());
            makeEvil(assertion);
            signature(assertion).appendChild(original);
        });
    }

    /** XSW7: an evil copy of the assertion inside an Extensions element before it. */
    public static ResponseMutation xsw7() {
        return ResponseMutation.onceSigned(doc -> {
            Element response = doc.getDocumentElement();
            Element extensions = doc.createElementNS(SamlDom.PROTOCOL_NS, "samlp:Extensions");
            extensions.appendChild(evilCopy(SamlDom.assertions(doc).get(0)));
            response.insertBefore(extensions, signature(response));
        });
    }

    /** XSW8: the assertion in place becomes evil; an unsigned copy of the original goes into a ds:Object of its signature. */
    public static ResponseMutation xsw8() {
        return ResponseMutation.onceSigned(doc -> {
            Element assertion = SamlDom.assertions(doc).get(0);
            Element original = unsignedCopy(assertion);
            makeEvil(assertion);
            Element object = doc.createElementNS(SamlDom.DSIG_NS, "ds:Object");
            object.appendChild(original);
            signature(assertion).appendChild(object);
        });
    }

    private static Element signature(Element signed) {
        return SamlDom.child(signed, SamlDom.DSIG_NS, "Signature");
    }

    private static Element unsignedCopy(Element element) {
        Element copy = (Element) element.cloneNode(true);
        SamlDom.removeSignatures(copy);
        return copy;
    }

    private static Element evilCopy(Element assertion) {
        Element evil = unsignedCopy(assertion);
        evil.setAttribute("ID", RandomIds.samlId());
        makeEvil(evil);
        return evil;
    }

    private static void makeEvil(Element assertion) {
        for (Element attribute : SamlDom.all(assertion, SamlDom.ASSERTION_NS, "Attribute")) {
            if ("fiscalNumber".equals(attribute.getAttribute("Name"))) {
                SamlDom.first(attribute, SamlDom.ASSERTION_NS, "AttributeValue").setTextContent(EVIL_FISCAL_NUMBER);
            }
        }
    }
}
