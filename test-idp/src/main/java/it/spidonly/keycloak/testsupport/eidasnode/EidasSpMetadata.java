package it.spidonly.keycloak.testsupport.eidasnode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The eIDAS metadata of the one SP a test node serves: its entityID, HTTP-POST ACS and encryption certificate,
 * fetched at each login (so a restarted Keycloak with new keys is picked up) and parsed with Keycloak's secure
 * {@code DocumentUtil}.
 */
final class EidasSpMetadata {
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final int MAX_BYTES = 512 * 1024;

    record Sp(String entityId, String acs, X509Certificate encryptionCertificate) {
    }

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    EidasSpMetadata(String url) {
        this.url = url;
    }

    Sp current() {
        if (url == null) {
            throw new IllegalStateException("The eIDAS test node was started without the SP metadata URL");
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_BYTES) {
                throw new IllegalStateException("The SP metadata at " + url + " answered " + response.statusCode());
            }
            Document doc = DocumentUtil.getDocument(new String(response.body(), StandardCharsets.UTF_8));
            Element root = doc.getDocumentElement();
            String acs = null;
            NodeList services = doc.getElementsByTagNameNS(MD, "AssertionConsumerService");
            for (int i = 0; i < services.getLength() && acs == null; i++) {
                Element service = (Element) services.item(i);
                if (service.getAttribute("Binding").endsWith("HTTP-POST")) {
                    acs = service.getAttribute("Location");
                }
            }
            X509Certificate encryption = null;
            NodeList keys = doc.getElementsByTagNameNS(MD, "KeyDescriptor");
            for (int i = 0; i < keys.getLength() && encryption == null; i++) {
                Element key = (Element) keys.item(i);
                if ("encryption".equals(key.getAttribute("use"))) {
                    NodeList certs = key.getElementsByTagNameNS(DS, "X509Certificate");
                    if (certs.getLength() > 0) {
                        byte[] der = Base64.getMimeDecoder().decode(certs.item(0).getTextContent().trim());
                        encryption = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
                    }
                }
            }
            if (acs == null || encryption == null) {
                throw new IllegalStateException("The SP metadata at " + url + " has no HTTP-POST ACS or no encryption certificate");
            }
            return new Sp(root.getAttribute("entityID"), acs, encryption);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot fetch the SP metadata at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the SP metadata at " + url + ": " + e.getMessage(), e);
        }
    }
}
