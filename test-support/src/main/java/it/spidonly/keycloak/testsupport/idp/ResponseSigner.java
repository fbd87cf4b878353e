package it.spidonly.keycloak.testsupport.idp;

import org.w3c.dom.Document;

/**
 * Signs a SAML Response the SPID way: first every Assertion, then the Response, so that the Response signature also
 * covers the signed assertions (SPID Regole tecniche, Response: both Response and Assertion signed).
 */
final class ResponseSigner {

    private final SigningCredential credential;

    ResponseSigner(SigningCredential credential) {
        this.credential = credential;
    }

    void sign(Document response) {
        SamlDom.assertions(response).forEach(assertion -> EnvelopedSignature.signAfterIssuer(assertion, credential));
        EnvelopedSignature.signAfterIssuer(response.getDocumentElement(), credential);
    }
}
