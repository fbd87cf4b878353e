package it.spidonly.keycloak.testsupport.idp;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
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

    private static Element statusCode(Document response, String value) {
        Element code = response.createElementNS(SAMLP, "samlp:StatusCode");
        code.setAttribute("Value", value);
        return code;
    }
}
