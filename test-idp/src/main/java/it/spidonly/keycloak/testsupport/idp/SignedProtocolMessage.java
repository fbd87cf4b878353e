package it.spidonly.keycloak.testsupport.idp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;

/** A SAML protocol message written as text, signed after its Issuer and base64-encoded for the HTTP-POST binding. */
final class SignedProtocolMessage {
    private SignedProtocolMessage() {
    }

    static String postEncoded(String xml, SigningCredential credential) {
        Document document = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        EnvelopedSignature.signAfterIssuer(document.getDocumentElement(), credential);
        try {
            return Base64.getEncoder().encodeToString(DocumentUtil.getDocumentAsString(document).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serialise the " + document.getDocumentElement().getLocalName(), e);
        }
    }
}
