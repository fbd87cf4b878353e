package it.spidonly.keycloak.testsupport.idp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;

/**
 * A service provider that exists only as SPID SP metadata served from a tiny HTTP server, with a fresh signing key.
 * ACS index 0 (default) and 1; AttributeConsumingService 0 = name, familyName, fiscalNumber, email and
 * 1 = fiscalNumber, spidCode.
 */
final class FakeServiceProvider implements AutoCloseable {

    static final String ENTITY_ID = "https://sp.example.org/spid";
    static final String ACS_0 = "https://sp.example.org/acs";
    static final String ACS_1 = "https://sp.example.org/acs-alternative";

    private final HttpServer server;
    private final boolean signMetadata;
    private volatile SigningCredential credential = SigningCredential.generate("Fake SPID SP");
    private volatile int metadataFetches;

    FakeServiceProvider(boolean signMetadata) {
        this.signMetadata = signMetadata;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/metadata", exchange -> {
            metadataFetches++;
            byte[] body = metadataXml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/samlmetadata+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String metadataUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/metadata";
    }

    SigningCredential credential() {
        return credential;
    }

    int metadataFetches() {
        return metadataFetches;
    }

    /** A new key pair from now on, as when an SP renews its certificate. */
    void rotateKey() {
        credential = SigningCredential.generate("Fake SPID SP (rotated)");
    }

    private String metadataXml() {
        String xml = """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" \
                xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:spid="https://spid.gov.it/saml-extensions" \
                ID="_fake-sp-metadata" entityID="%s"><md:SPSSODescriptor \
                protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" AuthnRequestsSigned="true" \
                WantAssertionsSigned="true"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>\
                <ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\
                <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" \
                Location="https://sp.example.org/slo"/>\
                <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>\
                <md:AssertionConsumerService index="0" isDefault="true" \
                Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s"/>\
                <md:AssertionConsumerService index="1" \
                Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s"/>\
                <md:AttributeConsumingService index="0"><md:ServiceName xml:lang="it">Servizi</md:ServiceName>\
                <md:RequestedAttribute Name="name"/><md:RequestedAttribute Name="familyName"/>\
                <md:RequestedAttribute Name="fiscalNumber"/><md:RequestedAttribute Name="email"/>\
                </md:AttributeConsumingService><md:AttributeConsumingService index="1">\
                <md:ServiceName xml:lang="it">Minimo</md:ServiceName><md:RequestedAttribute Name="fiscalNumber"/>\
                <md:RequestedAttribute Name="spidCode"/></md:AttributeConsumingService></md:SPSSODescriptor>\
                </md:EntityDescriptor>""".formatted(ENTITY_ID, credential.certificateBase64(), ACS_0, ACS_1);
        return signMetadata ? signed(xml) : xml;
    }

    private String signed(String xml) {
        try {
            Document doc = DocumentUtil.getDocument(xml);
            doc.getDocumentElement().setIdAttribute("ID", true);
            XMLSignatureUtil.sign(doc.getDocumentElement(), doc.getDocumentElement().getFirstChild(), null,
                    credential.keyPair(), SamlUris.SHA256, SamlUris.RSA_SHA256, "#_fake-sp-metadata",
                    credential.certificate(), SamlUris.EXC_C14N);
            return DocumentUtil.getNodeAsString(doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
