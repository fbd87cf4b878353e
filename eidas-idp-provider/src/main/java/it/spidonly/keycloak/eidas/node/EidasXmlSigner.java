package it.spidonly.keycloak.eidas.node;

import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Enveloped signatures for eIDAS messages with Apache Santuario (as shipped with Keycloak): exclusive C14N, SHA-256
 * digest, RSASSA-PSS SHA-256 or ECDSA SHA-256 ({@link EidasSigningKey#signatureAlgorithm()}), the certificate in
 * KeyInfo. Keycloak's own SAML signer offers RSA PKCS#1 v1.5, which eIDAS forbids.
 */
public final class EidasXmlSigner {
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private EidasXmlSigner() {
    }

    /**
     * Signs {@code element} (which has an {@code ID} attribute), placing the signature before {@code nextSibling} (SAML:
     * after the Issuer), or last when it is null.
     */
    public static void sign(Element element, Node nextSibling, EidasSigningKey key) {
        Init.init();
        try {
            element.setIdAttribute("ID", true);
            XMLSignature signature = new XMLSignature(element.getOwnerDocument(), null, key.signatureAlgorithm(), EXC_C14N);
            element.insertBefore(signature.getElement(), nextSibling);
            Transforms transforms = new Transforms(element.getOwnerDocument());
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(EXC_C14N);
            signature.addDocument("#" + element.getAttribute("ID"), transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            signature.addKeyInfo(key.certificate());
            signature.sign(key.privateKey());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign the eIDAS message", e);
        }
    }
}
