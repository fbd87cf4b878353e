package it.spidonly.keycloak.bench.load;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * What an IdP reads from the HTTP-POST binding page Keycloak sends the browser to: the signed AuthnRequest
 * (decoded, its ID, Issuer and AssertionConsumerServiceURL) and the RelayState to return unchanged. The
 * driver does not verify the request's signature: that is IdP work, not Keycloak's.
 */
record AuthnRequestForm(String id, String issuer, String assertionConsumerServiceUrl, String relayState) {

    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final Pattern SAML_REQUEST = input("SAMLRequest");
    private static final Pattern RELAY_STATE = input("RelayState");
    private static final DocumentBuilderFactory PARSERS = parsers();

    static AuthnRequestForm read(String html) {
        String samlRequest = value(SAML_REQUEST, html);
        String relayState = value(RELAY_STATE, html);
        if (samlRequest == null || relayState == null) {
            throw new LoginFailure("authn-request", "no SAMLRequest/RelayState form: " + LoginDriver.snippet(html));
        }
        byte[] xml = Base64.getMimeDecoder().decode(samlRequest);
        try {
            DocumentBuilder parser;
            synchronized (PARSERS) {
                parser = PARSERS.newDocumentBuilder();
            }
            Element root = parser.parse(new ByteArrayInputStream(xml)).getDocumentElement();
            if (!SAMLP.equals(root.getNamespaceURI()) || !"AuthnRequest".equals(root.getLocalName())) {
                throw new LoginFailure("authn-request", "not an AuthnRequest: " + root.getLocalName());
            }
            Element issuer = (Element) root.getElementsByTagNameNS(SAML, "Issuer").item(0);
            String acs = root.getAttribute("AssertionConsumerServiceURL");
            return new AuthnRequestForm(root.getAttribute("ID"), issuer == null ? null : issuer.getTextContent().trim(),
                    acs.isEmpty() ? null : acs, relayState);
        } catch (LoginFailure e) {
            throw e;
        } catch (Exception e) {
            throw new LoginFailure("authn-request", "unreadable AuthnRequest: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    private static Pattern input(String name) {
        // Keycloak writes <INPUT TYPE="HIDDEN" NAME="SAMLRequest" VALUE="..."/>
        return Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    }

    private static String value(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#x2b;", "+").replace("&#x2f;", "/").replace("&#x3d;", "=").replace("&amp;", "&");
    }

    private static DocumentBuilderFactory parsers() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
