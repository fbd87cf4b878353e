package it.spidonly.keycloak.eidas.node.rules;

import java.security.cert.X509Certificate;

import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Element;

import it.spidonly.keycloak.eidas.node.EidasSigningKey;

/**
 * The Response's signature verifies with one of the node's metadata certificates, covers the Response itself (its
 * Reference is the Response's ID) and the key is strong enough (RSA &ge; 3072 bits, EC &ge; 256).
 */
final class SignatureRule implements EidasRule {
    static final String ID = "eidas.response.signature";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean passes(EidasResponse response, EidasRuleContext context) {
        Element signatureElement = response.signature().orElse(null);
        if (signatureElement == null) {
            return false;
        }
        Init.init();
        try {
            response.element().setIdAttribute("ID", true);
            XMLSignature signature = new XMLSignature(signatureElement, "");
            if (signature.getSignedInfo().getLength() != 1
                    || !("#" + response.element().getAttribute("ID")).equals(signature.getSignedInfo().item(0).getURI())) {
                return false;
            }
            for (X509Certificate certificate : context.nodeCertificates()) {
                if (EidasSigningKey.strongEnough(certificate.getPublicKey()) && verifies(signatureElement, certificate)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * False also when the certificate's key type does not fit the signature (an RSA key for an ECDSA signature). A
     * fresh {@link XMLSignature} per certificate: a failed check leaves Santuario's engine bound to the wrong key.
     */
    private static boolean verifies(Element signatureElement, X509Certificate certificate) {
        try {
            return new XMLSignature(signatureElement, "").checkSignatureValue(certificate);
        } catch (Exception e) {
            return false;
        }
    }
}
