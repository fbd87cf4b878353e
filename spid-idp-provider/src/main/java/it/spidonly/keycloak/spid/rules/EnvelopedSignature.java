package it.spidonly.keycloak.spid.rules;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The {@code ds:Signature} children of one signed element (the Response or the Assertion) as the rules read them,
 * and the way to verify the first one. Verification works on a fresh copy of the message in which only the element
 * that is read carries a DOM ID, so the signature's reference can resolve to nothing else; the key comes from the
 * caller (the IdP's metadata), never from the message's KeyInfo.
 */
public final class EnvelopedSignature {

    /** One {@code ds:Reference}: its URI, Transform algorithms and DigestMethod algorithm. */
    public record Reference(String uri, List<String> transforms, String digestMethod) {
        public Reference {
            transforms = Collections.unmodifiableList(new ArrayList<>(transforms)); // a Transform may lack its Algorithm
        }
    }

    private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";

    private final int count;
    private final String signedElementId;
    private final boolean signedElementIdUnique;
    private final String canonicalizationMethod;
    private final String signatureMethod;
    private final List<Reference> references;
    private final boolean hasObject;
    private final List<String> keyInfoCertificates;
    private final Document messageCopy;
    private final List<Integer> path;

    EnvelopedSignature(int count, String signedElementId, boolean signedElementIdUnique, String canonicalizationMethod,
                       String signatureMethod, List<Reference> references, boolean hasObject,
                       List<String> keyInfoCertificates, Document messageCopy, List<Integer> path) {
        this.count = count;
        this.signedElementId = signedElementId;
        this.signedElementIdUnique = signedElementIdUnique;
        this.canonicalizationMethod = canonicalizationMethod;
        this.signatureMethod = signatureMethod;
        this.references = List.copyOf(references);
        this.hasObject = hasObject;
        this.keyInfoCertificates = List.copyOf(keyInfoCertificates);
        this.messageCopy = messageCopy;
        this.path = List.copyOf(path);
    }

    /** How many {@code ds:Signature} children the element has (SPID: exactly one). */
    public int count() {
        return count;
    }

    public boolean present() {
        return count > 0;
    }

    /** The ID attribute of the signed element, or null. */
    public String signedElementId() {
        return signedElementId;
    }

    /** Whether no other element of the message carries the same ID value. */
    public boolean signedElementIdUnique() {
        return signedElementIdUnique;
    }

    public String canonicalizationMethod() {
        return canonicalizationMethod;
    }

    public String signatureMethod() {
        return signatureMethod;
    }

    public List<Reference> references() {
        return references;
    }

    /** Whether the signature has {@code ds:Object} children (a place to hide wrapped copies). */
    public boolean hasObject() {
        return hasObject;
    }

    /** The base64 {@code ds:X509Certificate} texts of the signature's KeyInfo. */
    public List<String> keyInfoCertificates() {
        return keyInfoCertificates;
    }

    /**
     * Whether the first signature verifies with one of {@code keys}. Secure validation (JSR 105) stays on:
     * it refuses among others XSLT transforms and too many references or transforms.
     */
    public boolean verifiesWith(Collection<PublicKey> keys) {
        if (!present() || signedElementId == null) {
            return false;
        }
        for (PublicKey key : keys) {
            if (verifies(key)) {
                return true;
            }
        }
        return false;
    }

    private boolean verifies(PublicKey key) {
        Document work = (Document) messageCopy.cloneNode(true);
        Element signed = locate(work);
        signed.setIdAttributeNS(null, "ID", true);
        Optional<Element> signature = SamlXml.children(signed, SamlXml.DS, "Signature").stream().findFirst();
        if (signature.isEmpty()) {
            return false;
        }
        try {
            DOMValidateContext context = new DOMValidateContext(key, signature.get());
            context.setProperty(SECURE_VALIDATION, Boolean.TRUE);
            XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            return xmlSignature.validate(context);
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            return false;
        }
    }

    private Element locate(Document work) {
        Element current = work.getDocumentElement();
        for (int index : path) {
            current = SamlXml.childElements(current).get(index);
        }
        return current;
    }
}
