package it.spidonly.keycloak.testsupport.idp;

import java.util.List;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Points at one element of a Response, so that a {@link ResponseEdits} change reads like what it changes:
 * {@code Where.assertion().child(SamlDom.ASSERTION_NS, "Issuer")}. Fails when the element is not there.
 */
@FunctionalInterface
public interface Where extends Function<Document, Element> {

    /** The {@code samlp:Response}. */
    static Where response() {
        return Document::getDocumentElement;
    }

    /** The first {@code saml:Assertion} child of the Response. */
    static Where assertion() {
        return document -> {
            List<Element> assertions = SamlDom.assertions(document);
            if (assertions.isEmpty()) {
                throw new IllegalStateException("The response has no Assertion");
            }
            return assertions.get(0);
        };
    }

    /** The first descendant of the Response in the SAML assertion namespace with that name. */
    static Where saml(String localName) {
        return document -> SamlDom.first(document, SamlDom.ASSERTION_NS, localName);
    }

    /** The first descendant of the Response in the SAML protocol namespace with that name. */
    static Where samlp(String localName) {
        return document -> SamlDom.first(document, SamlDom.PROTOCOL_NS, localName);
    }

    /** The {@code ds:Signature} child of this element. */
    default Where signature() {
        return child(SamlDom.DSIG_NS, "Signature");
    }

    /** The first child of this element with that name. */
    default Where child(String namespace, String localName) {
        return document -> {
            Element child = SamlDom.child(apply(document), namespace, localName);
            if (child == null) {
                throw new IllegalStateException("No " + localName + " child");
            }
            return child;
        };
    }

    /** The first descendant of this element with that name. */
    default Where descendant(String namespace, String localName) {
        return document -> SamlDom.first(apply(document), namespace, localName);
    }
}
