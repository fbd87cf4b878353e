package it.spidonly.keycloak.eidas.node;

import java.security.PrivateKey;
import java.util.Optional;

import org.apache.xml.security.Init;
import org.apache.xml.security.encryption.XMLCipher;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decrypts an eIDAS {@code saml2:EncryptedAssertion} in place with Apache Santuario (eIDAS Cryptographic Requirements
 * v1.2, 3): AES-GCM content encryption and RSA-OAEP key transport only ({@link EidasAlgorithms}); anything else is
 * refused before any decryption is tried, so no padding oracle is offered.
 */
public final class EidasAssertionDecryptor {
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

    private EidasAssertionDecryptor() {
    }

    /** The decrypted Assertion (it replaces the EncryptedAssertion in the document), or empty when refused. */
    public static Optional<Element> decrypt(Element encryptedAssertion, PrivateKey key) {
        Element data = first(encryptedAssertion, "EncryptedData");
        if (data == null || !EidasAlgorithms.DATA_ENCRYPTION.contains(method(data))) {
            return Optional.empty();
        }
        Element encryptedKey = first(encryptedAssertion, "EncryptedKey");
        if (encryptedKey == null || !EidasAlgorithms.KEY_TRANSPORT.contains(method(encryptedKey))) {
            return Optional.empty();
        }
        Init.init();
        try {
            XMLCipher cipher = XMLCipher.getInstance();
            cipher.init(XMLCipher.DECRYPT_MODE, null);
            cipher.setKEK(key);
            cipher.doFinal(encryptedAssertion.getOwnerDocument(), data);
            Node parent = encryptedAssertion;
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && "Assertion".equals(element.getLocalName())) {
                    parent.getParentNode().replaceChild(element, parent);
                    element.setIdAttribute("ID", true);
                    return Optional.of(element);
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static String method(Element encrypted) {
        Element method = null;
        for (Node child = encrypted.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "EncryptionMethod".equals(element.getLocalName())) {
                method = element;
                break;
            }
        }
        return method == null ? null : method.getAttribute("Algorithm");
    }

    private static Element first(Element parent, String localName) {
        var nodes = parent.getElementsByTagNameNS(XENC, localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }
}
