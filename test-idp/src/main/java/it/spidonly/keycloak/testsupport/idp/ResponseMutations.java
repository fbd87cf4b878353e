package it.spidonly.keycloak.testsupport.idp;

import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Ready-made {@link ResponseMutation}s; each changes exactly one thing of the baseline Response. */
public final class ResponseMutations {

    private static final String SAMLP = SamlDom.PROTOCOL_NS;
    private static final String SAML = SamlDom.ASSERTION_NS;

    private ResponseMutations() {
    }

    /**
     * After signing, changes the first AttributeValue (or, with no attributes, the NameID; in an error response the
     * StatusMessage): both signatures over it stop verifying.
     */
    public static ResponseMutation tamperAfterSigning() {
        return ResponseMutation.onceSigned(response -> {
            Element target = SamlDom.find(response, SAML, "AttributeValue")
                    .or(() -> SamlDom.find(response, SAML, "NameID"))
                    .or(() -> SamlDom.find(response, SAMLP, "StatusMessage"))
                    .orElseThrow(() -> new IllegalStateException("Nothing to tamper with in this response"));
            target.setTextContent(target.getTextContent() + "-tampered");
        });
    }

    /** Sets the Response's {@code InResponseTo} (not the SubjectConfirmationData's). */
    public static ResponseMutation withInResponseTo(String inResponseTo) {
        return response -> response.getDocumentElement().setAttribute("InResponseTo", inResponseTo);
    }

    /** Sets the Response's {@code Destination}. */
    public static ResponseMutation withDestination(String destination) {
        return response -> response.getDocumentElement().setAttribute("Destination", destination);
    }

    /** Sets the text of every {@code Conditions/AudienceRestriction/Audience}. */
    public static ResponseMutation withAudience(String audience) {
        return response -> SamlDom.all(response, SAML, "Audience").forEach(e -> e.setTextContent(audience));
    }

    /**
     * Turns the Response into a SPID error response: no Assertion, {@code StatusCode} Responder with the nested
     * {@code StatusCode} AuthnFailed, and {@code StatusMessage} "ErrorCode nr" + code (SPID Regole tecniche, tabella
     * dei messaggi di anomalia: nr19 ... nr30).
     *
     * @param errorCodeNumber the SPID error number, e.g. {@code "20"} (a leading "nr" is accepted)
     */
    public static ResponseMutation statusError(String errorCodeNumber) {
        String number = errorCodeNumber.replaceFirst("^(?i)(ErrorCode\\s*)?nr", "");
        return response -> {
            Element root = response.getDocumentElement();
            SamlDom.assertions(response).forEach(root::removeChild);
            Element status = SamlDom.child(root, SAMLP, "Status");
            while (status.hasChildNodes()) {
                status.removeChild(status.getFirstChild());
            }
            Element code = statusCode(response, SamlUris.STATUS_RESPONDER);
            code.appendChild(statusCode(response, SamlUris.STATUS_AUTHN_FAILED));
            status.appendChild(code);
            Element message = response.createElementNS(SAMLP, "samlp:StatusMessage");
            message.setTextContent("ErrorCode nr" + number);
            status.appendChild(message);
        };
    }

    /**
     * After the IdP has signed, replaces both signatures (Assertion and Response) by signatures made with a foreign
     * key, carrying {@code certificate} in KeyInfo: an SP must not trust a certificate that comes with the message.
     */
    public static ResponseMutation signedBy(KeyPair keyPair, X509Certificate certificate) {
        ResponseSigner foreignSigner = new ResponseSigner(new SigningCredential(keyPair, certificate));
        return ResponseMutation.onceSigned(response -> {
            SamlDom.assertions(response).forEach(SamlDom::removeSignatures);
            SamlDom.removeSignatures(response.getDocumentElement());
            foreignSigner.sign(response);
        });
    }

    /** Sets AuthnContextClassRef to SPID level {@code level} (1..3). */
    public static ResponseMutation withLevel(int level) {
        return withAuthnContextClassRef(SpidLevel.of(level).uri());
    }

    /** Sets the text of AuthnContextClassRef. */
    public static ResponseMutation withAuthnContextClassRef(String classRef) {
        return response -> SamlDom.first(response, SAML, "AuthnContextClassRef").setTextContent(classRef);
    }

    /** Removes {@code NameFormat} from every Attribute (SPID accepts that, spid-sp-test response 109). */
    public static ResponseMutation withoutAttributeNameFormat() {
        return response -> SamlDom.all(response, SAML, "Attribute").forEach(a -> a.removeAttribute("NameFormat"));
    }

    /** Adds a string attribute at the end of the AttributeStatement. */
    public static ResponseMutation withAttribute(String name, String value) {
        return response -> {
            Element statement = SamlDom.first(response, SAML, "AttributeStatement");
            Element attribute = response.createElementNS(SAML, "saml:Attribute");
            attribute.setAttribute("Name", name);
            Element attributeValue = response.createElementNS(SAML, "saml:AttributeValue");
            attributeValue.setTextContent(value);
            attribute.appendChild(attributeValue);
            statement.appendChild(attribute);
        };
    }

    /** Removes the Attribute with that Name. */
    public static ResponseMutation withoutAttribute(String name) {
        return response -> SamlDom.all(response, SAML, "Attribute").stream()
                .filter(a -> name.equals(a.getAttribute("Name")))
                .forEach(a -> a.getParentNode().removeChild(a));
    }

    /** After signing, removes every ds:Signature: an unsigned Response with an unsigned Assertion. */
    public static ResponseMutation unsigned() {
        return ResponseMutation.onceSigned(response -> {
            SamlDom.assertions(response).forEach(SamlDom::removeSignatures);
            SamlDom.removeSignatures(response.getDocumentElement());
        });
    }

    /** After signing, signs Assertion and Response again with RSA-SHA1 and SHA-1 digests (never allowed in SPID). */
    public static ResponseMutation signedWithSha1(SigningCredential credential) {
        ResponseSigner sha1 = new ResponseSigner(credential, SamlUris.RSA_SHA1, SamlUris.SHA1);
        return ResponseMutation.onceSigned(response -> {
            SamlDom.assertions(response).forEach(SamlDom::removeSignatures);
            SamlDom.removeSignatures(response.getDocumentElement());
            sha1.sign(response);
        });
    }

    /**
     * After signing, adds an XSLT transform (with a stylesheet that would fetch a URL) to the Response signature's
     * reference: an SP must refuse it before running any transform.
     */
    public static ResponseMutation withXsltTransform() {
        return ResponseMutation.onceSigned(response -> {
            Element transforms = SamlDom.first(SamlDom.child(response.getDocumentElement(), SamlDom.DSIG_NS, "Signature"),
                    SamlDom.DSIG_NS, "Transforms");
            Element transform = response.createElementNS(SamlDom.DSIG_NS, "ds:Transform");
            transform.setAttribute("Algorithm", SamlUris.XSLT);
            Element stylesheet = response.createElementNS("http://www.w3.org/1999/XSL/Transform", "xsl:stylesheet");
            stylesheet.setAttribute("version", "1.0");
            Element template = response.createElementNS("http://www.w3.org/1999/XSL/Transform", "xsl:template");
            template.setAttribute("match", "/");
            Element copy = response.createElementNS("http://www.w3.org/1999/XSL/Transform", "xsl:copy-of");
            copy.setAttribute("select", "document('http://127.0.0.1:1/xslt-was-run')");
            template.appendChild(copy);
            stylesheet.appendChild(template);
            transform.appendChild(stylesheet);
            transforms.insertBefore(transform, transforms.getFirstChild());
        });
    }

    /**
     * Signs with the IdP's own key but puts {@code certificate} (not the IdP's) into both KeyInfo elements; the
     * signatures stay valid. An SP must not take the embedded certificate at face value.
     */
    public static ResponseMutation withEmbeddedCertificate(X509Certificate certificate) {
        try {
            return withEmbeddedCertificateText(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * As {@link #withEmbeddedCertificate}, with the text of both {@code ds:X509Certificate} elements given as is (e.g.
     * base64 with line breaks, or of more bytes than a certificate).
     */
    public static ResponseMutation withEmbeddedCertificateText(String base64) {
        return new ResponseMutation() {
            @Override
            public void beforeSigning(Document response) {
            }

            @Override
            public void betweenSignatures(Document response) {
                SamlDom.assertions(response).forEach(a -> replaceCertificate(a, base64));
            }

            @Override
            public void afterSigning(Document response) {
                replaceCertificate(response.getDocumentElement(), base64);
            }
        };
    }

    /** Sets the value of the Attribute with that Name (its first AttributeValue). */
    public static ResponseMutation withAttributeValue(String name, String value) {
        return response -> SamlDom.all(response, SAML, "Attribute").stream()
                .filter(a -> name.equals(a.getAttribute("Name")))
                .forEach(a -> SamlDom.first(a, SAML, "AttributeValue").setTextContent(value));
    }

    /** Adds a second AttributeValue to the Attribute with that Name (SPID attributes have one). */
    public static ResponseMutation withSecondAttributeValue(String name, String value) {
        return response -> SamlDom.all(response, SAML, "Attribute").stream()
                .filter(a -> name.equals(a.getAttribute("Name")))
                .forEach(a -> {
                    Element second = response.createElementNS(SAML, "saml:AttributeValue");
                    second.setTextContent(value);
                    a.appendChild(second);
                });
    }

    private static void replaceCertificate(Element signed, String base64) {
        Element signature = SamlDom.child(signed, SamlDom.DSIG_NS, "Signature");
        SamlDom.first(signature, SamlDom.DSIG_NS, "X509Certificate").setTextContent(base64);
    }

    private static Element statusCode(Document response, String value) {
        Element code = response.createElementNS(SAMLP, "samlp:StatusCode");
        code.setAttribute("Value", value);
        return code;
    }
}
