package it.spidonly.keycloak.testsupport.idp;

import java.security.PublicKey;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignatureException;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks the enveloped XML signature of an AuthnRequest sent with HTTP-POST (SPID Regole tecniche, AuthnRequest:
 * signed; SAML bindings 3.5.5.2): exactly one ds:Signature child of the AuthnRequest, referencing the AuthnRequest's
 * ID, with SPID-allowed algorithms and transforms, verifying with a key from the SP metadata. The certificate inside
 * the message is never trusted.
 */
final class PostSignatureVerifier {

    private static final String DS = SamlDom.DSIG_NS;

    private PostSignatureVerifier() {
    }

    static SignatureCheck verify(Document request, List<PublicKey> spKeys) {
        Element root = request.getDocumentElement();
        List<Element> signatures = SamlDom.children(root, DS, "Signature");
        if (signatures.size() != 1) {
            return SignatureCheck.failed(signatures.isEmpty()
                    ? "The AuthnRequest is not signed (HTTP-POST needs an enveloped ds:Signature)"
                    : "The AuthnRequest has more than one ds:Signature");
        }
        Element signature = signatures.get(0);
        List<Element> references = SamlDom.all(signature, DS, "Reference");
        if (references.size() != 1 || !references.get(0).getAttribute("URI").equals("#" + root.getAttribute("ID"))) {
            return SignatureCheck.failed("The signature does not reference the AuthnRequest ID");
        }
        String problem = algorithmProblem(signature);
        if (problem != null) {
            return SignatureCheck.failed(problem);
        }
        if (spKeys.isEmpty()) {
            return SignatureCheck.failed("The SP metadata has no signing certificate");
        }
        root.setIdAttribute("ID", true);
        try {
            return XMLSignatureUtil.validateSingleNode(signature, new HardcodedKeyLocator(spKeys))
                    ? SignatureCheck.ok()
                    : SignatureCheck.failed("The signature does not verify with the SP metadata certificate(s)");
        } catch (MarshalException | XMLSignatureException e) {
            return SignatureCheck.failed("The signature cannot be checked: " + e.getMessage());
        }
    }

    private static String algorithmProblem(Element signature) {
        String method = algorithm(signature, "SignatureMethod");
        if (!SignatureAlgorithms.XML_SIGNATURE_METHODS.contains(method)) {
            return "Signature algorithm not allowed by SPID: " + method;
        }
        String digest = algorithm(signature, "DigestMethod");
        if (!SignatureAlgorithms.XML_DIGEST_METHODS.contains(digest)) {
            return "Digest algorithm not allowed by SPID: " + digest;
        }
        for (Element transform : SamlDom.all(signature, DS, "Transform")) {
            if (!SignatureAlgorithms.XML_TRANSFORMS.contains(transform.getAttribute("Algorithm"))) {
                return "Transform not allowed: " + transform.getAttribute("Algorithm");
            }
        }
        return null;
    }

    private static String algorithm(Element signature, String localName) {
        return SamlDom.find(signature, DS, localName).map(e -> e.getAttribute("Algorithm")).orElse("(none)");
    }
}
