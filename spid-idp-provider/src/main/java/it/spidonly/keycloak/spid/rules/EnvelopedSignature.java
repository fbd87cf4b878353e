package it.spidonly.keycloak.spid.rules;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.List;

import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.w3c.dom.Element;

/**
 * The {@code ds:Signature} children of one signed element (the Response or the Assertion) as the rules read them,
 * and the way to verify the first one. Verification works in place on the message's own DOM (issue 19: no copy of
 * the document): only the element that is read is registered as the target of its ID, in the validation context
 * and not in the DOM ({@link DOMValidateContext#setIdAttributeNS}), so the signature's reference can resolve to
 * nothing else and the document is left as it was parsed; the key comes from the caller (the IdP's metadata), never
 * from the message's KeyInfo. {@link TrustedSignatureRule} is the one rule that verifies, once per signed part:
 * the {@code ds:Signature} is unmarshalled once per key tried (one key: once).
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
    private final Element signedElement;
    private final Element signatureElement;

    EnvelopedSignature(int count, String signedElementId, boolean signedElementIdUnique, String canonicalizationMethod,
                       String signatureMethod, List<Reference> references, boolean hasObject,
                       List<String> keyInfoCertificates, Element signedElement, Element signatureElement) {
        this.count = count;
        this.signedElementId = signedElementId;
        this.signedElementIdUnique = signedElementIdUnique;
        this.canonicalizationMethod = canonicalizationMethod;
        this.signatureMethod = signatureMethod;
        this.references = List.copyOf(references);
        this.hasObject = hasObject;
        this.keyInfoCertificates = List.copyOf(keyInfoCertificates);
        this.signedElement = signedElement;
        this.signatureElement = signatureElement;
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
        if (signatureElement == null) {
            return false;
        }
        try {
            DOMValidateContext context = new DOMValidateContext(key, signatureElement);
            context.setProperty(SECURE_VALIDATION, Boolean.TRUE);
            context.setIdAttributeNS(signedElement, null, "ID");
            XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            return xmlSignature.validate(context);
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            return false;
        }
    }
}
