package it.spidonly.keycloak.testsupport.idp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import org.keycloak.saml.processing.api.util.DeflateUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns a SAMLRequest parameter into an AuthnRequest DOM: base64 (HTTP-POST) or base64 + raw DEFLATE
 * (HTTP-Redirect), at most {@value #MAX_XML_BYTES} bytes of XML, parsed without DTDs or external entities.
 */
final class AuthnRequestDecoder {

    static final int MAX_XML_BYTES = 256 * 1024;

    private AuthnRequestDecoder() {
    }

    static byte[] decodePost(String samlRequest) {
        byte[] xml = base64(samlRequest);
        if (xml.length > MAX_XML_BYTES) {
            throw new SamlRequestRejected("The SAMLRequest is larger than " + MAX_XML_BYTES + " bytes");
        }
        return xml;
    }

    static byte[] decodeRedirect(String samlRequest) {
        try (InputStream inflated = DeflateUtil.decode(base64(samlRequest), MAX_XML_BYTES)) {
            return inflated.readAllBytes();
        } catch (IOException e) {
            throw new SamlRequestRejected("The SAMLRequest is not DEFLATE data of at most " + MAX_XML_BYTES + " bytes", e);
        }
    }

    static Document parse(byte[] xml) {
        return parse(xml, "AuthnRequest");
    }

    /** Parses securely and checks the root is {@code samlp:<expectedRoot>}. */
    static Document parse(byte[] xml, String expectedRoot) {
        Document document;
        try {
            document = SamlXml.parse(xml);
        } catch (IllegalArgumentException e) {
            throw new SamlRequestRejected("The SAMLRequest is not acceptable XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!SamlDom.PROTOCOL_NS.equals(root.getNamespaceURI()) || !expectedRoot.equals(root.getLocalName())) {
            throw new SamlRequestRejected("The SAMLRequest is a " + root.getLocalName() + ", not a samlp:" + expectedRoot);
        }
        return document;
    }

    private static byte[] base64(String value) {
        if (value == null || value.isBlank()) {
            throw new SamlRequestRejected("No SAMLRequest parameter");
        }
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new SamlRequestRejected("The SAMLRequest is not base64", e);
        }
    }
}
