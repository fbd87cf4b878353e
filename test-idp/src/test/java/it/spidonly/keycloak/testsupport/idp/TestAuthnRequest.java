package it.spidonly.keycloak.testsupport.idp;

import static java.net.URLEncoder.encode;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.api.util.DeflateUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A SPID AuthnRequest as the fake SP would send it, signed for HTTP-POST or HTTP-Redirect. */
final class TestAuthnRequest {

    static final String SIG_ALG_RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    final String id = "_" + UUID.randomUUID();
    private final String destination;
    private String level = "https://www.spid.gov.it/SpidL2";
    private String comparison = "minimum";
    private String acsAttributes = "AssertionConsumerServiceIndex=\"0\"";
    private int attributeConsumingServiceIndex;

    TestAuthnRequest(String destination) {
        this.destination = destination;
    }

    TestAuthnRequest level(int level, String comparison) {
        this.level = "https://www.spid.gov.it/SpidL" + level;
        this.comparison = comparison;
        return this;
    }

    TestAuthnRequest acsIndex(int index) {
        this.acsAttributes = "AssertionConsumerServiceIndex=\"" + index + "\"";
        return this;
    }

    TestAuthnRequest acsUrl(String url) {
        this.acsAttributes = "AssertionConsumerServiceURL=\"" + url
                + "\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\"";
        return this;
    }

    TestAuthnRequest attributeConsumingServiceIndex(int index) {
        this.attributeConsumingServiceIndex = index;
        return this;
    }

    String xml() {
        return """
                <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" \
                xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="%s" Version="2.0" IssueInstant="%s" \
                Destination="%s" ForceAuthn="true" %s AttributeConsumingServiceIndex="%d">\
                <saml:Issuer NameQualifier="%s" Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">%s</saml:Issuer>\
                <samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient"/>\
                <samlp:RequestedAuthnContext Comparison="%s"><saml:AuthnContextClassRef>%s</saml:AuthnContextClassRef>\
                </samlp:RequestedAuthnContext></samlp:AuthnRequest>""".formatted(id, Instant.now(), destination,
                acsAttributes, attributeConsumingServiceIndex, FakeServiceProvider.ENTITY_ID,
                FakeServiceProvider.ENTITY_ID, comparison, level);
    }

    /** The AuthnRequest with an enveloped signature after Issuer. */
    Document signed(SigningCredential credential) throws Exception {
        Document doc = DocumentUtil.getDocument(xml());
        Element root = doc.getDocumentElement();
        root.setIdAttribute("ID", true);
        Element issuer = (Element) root.getElementsByTagNameNS(SamlDom.ASSERTION_NS, "Issuer").item(0);
        XMLSignatureUtil.sign(root, issuer.getNextSibling(), null, credential.keyPair(), SamlUris.SHA256,
                SamlUris.RSA_SHA256, "#" + id, credential.certificate(), SamlUris.EXC_C14N);
        return doc;
    }

    /** The SAMLRequest value for HTTP-POST. */
    static String postEncoded(Document request) throws Exception {
        return Base64.getEncoder().encodeToString(DocumentUtil.getNodeAsString(request).getBytes(UTF_8));
    }

    /** The query string for HTTP-Redirect, signed with {@code credential} unless it is null. */
    String redirectQuery(SigningCredential credential, String relayState) throws Exception {
        String samlRequest = Base64.getEncoder().encodeToString(DeflateUtil.encode(xml().getBytes(UTF_8)));
        String query = "SAMLRequest=" + encode(samlRequest, UTF_8) + "&RelayState=" + encode(relayState, UTF_8);
        if (credential == null) {
            return query;
        }
        query += "&SigAlg=" + encode(SIG_ALG_RSA_SHA256, UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(credential.keyPair().getPrivate());
        signer.update(query.getBytes(UTF_8));
        return query + "&Signature=" + encode(Base64.getEncoder().encodeToString(signer.sign()), UTF_8);
    }
}
