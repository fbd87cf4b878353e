package it.spidonly.keycloak.testsupport.idp;

import org.w3c.dom.Document;

/**
 * Signs a SAML Response the SPID way: first every Assertion, then the Response, so that the Response signature also
 * covers the signed assertions (SPID Regole tecniche, Response: both Response and Assertion signed).
 */
final class ResponseSigner {

    private final SigningCredential credential;
    private final String signatureMethod;
    private final String digestMethod;

    ResponseSigner(SigningCredential credential) {
        this(credential, SamlUris.RSA_SHA256, SamlUris.SHA256);
    }

    ResponseSigner(SigningCredential credential, String signatureMethod, String digestMethod) {
        this.credential = credential;
        this.signatureMethod = signatureMethod;
        this.digestMethod = digestMethod;
    }

    void sign(Document response) {
        signAssertions(response);
        signResponse(response);
    }

    void signAssertions(Document response) {
        SamlDom.assertions(response).forEach(a -> EnvelopedSignature.signAfterIssuer(a, credential, signatureMethod, digestMethod));
    }

    void signResponse(Document response) {
        EnvelopedSignature.signAfterIssuer(response.getDocumentElement(), credential, signatureMethod, digestMethod);
    }
}
