package it.spidonly.keycloak.testsupport.idp;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Parsing and writing SAML XML with Keycloak's {@link DocumentUtil}: namespace aware, DTDs refused, no external
 * entities, no XInclude; written without indentation or XML declaration (whitespace would break signatures).
 */
final class SamlXml {

    private SamlXml() {
    }

    static Document parse(byte[] xml) {
        try {
            return DocumentUtil.getDocument(new ByteArrayInputStream(xml));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not well-formed or not allowed XML: " + rootCause(e), e);
        }
    }

    static Document newDocument() {
        try {
            return DocumentUtil.createDocument();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(Node node) {
        try {
            return DocumentUtil.getNodeAsString(node);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot serialize XML", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
