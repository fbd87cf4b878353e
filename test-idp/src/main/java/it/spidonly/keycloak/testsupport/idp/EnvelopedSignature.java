package it.spidonly.keycloak.testsupport.idp;

import java.security.GeneralSecurityException;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignatureException;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs one element with an enveloped XML signature through Keycloak's {@link XMLSignatureUtil} (Apache Santuario):
 * RSA-SHA256, SHA-256 digest, exclusive c14n, transforms enveloped + exclusive c14n, KeyInfo with the X.509
 * certificate only (SPID Regole tecniche: signatures with SHA-256 or stronger, never SHA-1).
 */
final class EnvelopedSignature {

    private EnvelopedSignature() {
    }

    /** SAML core schema: ds:Signature comes right after saml:Issuer in a Response or an Assertion. */
    static void signAfterIssuer(Element element, SigningCredential credential) {
        signAfterIssuer(element, credential, SamlUris.RSA_SHA256, SamlUris.SHA256);
    }

    /** With other algorithms, e.g. SHA-1 ones that an SP must refuse. */
    static void signAfterIssuer(Element element, SigningCredential credential, String signatureMethod, String digestMethod) {
        Element issuer = SamlDom.child(element, SamlDom.ASSERTION_NS, "Issuer");
        sign(element, issuer == null ? element.getFirstChild() : issuer.getNextSibling(), credential, signatureMethod, digestMethod);
    }

    /** SAML metadata schema: ds:Signature is the first child of an EntityDescriptor. */
    static void signAsFirstChild(Element element, SigningCredential credential) {
        sign(element, element.getFirstChild(), credential, SamlUris.RSA_SHA256, SamlUris.SHA256);
    }

    private static void sign(Element element, Node nextSibling, SigningCredential credential, String signatureMethod,
            String digestMethod) {
        String id = element.getAttribute("ID");
        if (id.isEmpty()) {
            throw new IllegalArgumentException(element.getLocalName() + " has no ID to reference from its signature");
        }
        element.setIdAttribute("ID", true);
        try {
            XMLSignatureUtil.sign(element, nextSibling, null, credential.keyPair(), digestMethod,
                    signatureMethod, "#" + id, credential.certificate(), SamlUris.EXC_C14N);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("Cannot sign " + element.getLocalName(), e);
        }
    }
}
