package it.spidonly.keycloak.testsupport.idp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * Validates an SP metadata document against the CIE schema for SP metadata ({@code cie-xsd/}, from spid-sp-test, see
 * its PROVENANCE.md), whose imports are resolved from the schemas keycloak-saml-core ships; no network access.
 */
public final class CieMetadataSchema {
    private static final Map<String, String> IMPORTS = Map.of(
            "cie.xsd", "cie-xsd/cie.xsd",
            "xmldsig-core-schema.xsd", "schema/w3c/xmldsig/xmldsig-core-schema.xsd",
            "xenc-schema.xsd", "schema/w3c/xmlenc/xenc-schema.xsd",
            "saml-schema-assertion-2.0.xsd", "schema/saml/v2/saml-schema-assertion-2.0.xsd",
            "xml.xsd", "cie-xsd/xml.xsd");

    private CieMetadataSchema() {
    }

    /** Throws {@link SAXException} naming the first schema violation of {@code xml}. */
    public static void validate(String xml) throws SAXException {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver(new Imports(factory.getResourceResolver()));
            URL main = resource("cie-xsd/saml-schema-metadata-sp-cie.xsd");
            Schema schema = factory.newSchema(new StreamSource(main.openStream(), main.toExternalForm()));
            var validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String path) {
        URL url = CieMetadataSchema.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("Missing classpath resource " + path);
        }
        return url;
    }

    /** Maps each imported schema's file name to its classpath copy. */
    private record Imports(LSResourceResolver fallback) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId == null ? null : systemId.substring(systemId.lastIndexOf('/') + 1);
            if (name != null && name.endsWith(".dtd")) {
                return new Input(systemId, publicId, null); // the DTDs some W3C schemas name: nothing to load
            }
            String path = name == null ? null : IMPORTS.get(name);
            if (path == null) {
                return fallback == null ? null : fallback.resolveResource(type, namespace, publicId, systemId, baseUri);
            }
            URL url = resource(path);
            return new Input(url.toExternalForm(), publicId, url);
        }
    }

    private record Input(String systemId, String publicId, URL url) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader characterStream) { }
        @Override public InputStream getByteStream() {
            if (url == null) {
                return new ByteArrayInputStream(new byte[0]);
            }
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
