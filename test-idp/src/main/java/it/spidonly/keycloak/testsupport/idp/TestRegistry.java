package it.spidonly.keycloak.testsupport.idp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A SPID IdP registry aggregate for tests, shaped like AgID's (an {@code md:EntitiesDescriptor} signed as a whole,
 * signature first): start from the entities of a real aggregate or from nothing, add the test IdP's metadata, drop
 * or change one entity, then sign it with a test key (or leave it unsigned, or tamper with it after signing).
 */
public final class TestRegistry {
    private static final String MD = SamlDom.METADATA_NS;
    private final Document doc;
    private final Element root;

    private TestRegistry(Document doc) {
        this.doc = doc;
        this.root = doc.getDocumentElement();
    }

    /** An empty aggregate. */
    public static TestRegistry empty() {
        Document doc = SamlXml.newDocument();
        Element root = doc.createElementNS(MD, "md:EntitiesDescriptor");
        root.setAttributeNS(SamlDom.XMLNS_NS, "xmlns:md", MD);
        root.setAttribute("Name", "https://registry.test.example");
        doc.appendChild(root);
        return new TestRegistry(doc);
    }

    /** The entities of an existing aggregate (e.g. AgID's real one), without its aggregate signature. */
    public static TestRegistry entitiesOf(byte[] aggregate) {
        TestRegistry registry = empty();
        Element source = SamlXml.parse(aggregate).getDocumentElement();
        for (Element entity : SamlDom.children(source, MD, "EntityDescriptor")) {
            registry.root.appendChild(registry.doc.importNode(entity, true));
        }
        return registry;
    }

    /** Adds an {@code EntityDescriptor}, e.g. the SPID test IdP's signed metadata. */
    public TestRegistry add(String entityDescriptorXml) {
        Element entity = SamlXml.parse(entityDescriptorXml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        root.appendChild(doc.importNode(entity, true));
        return this;
    }

    /** Drops the entity with this entityID (an IdP that left the registry). */
    public TestRegistry without(String entityId) {
        root.removeChild(entity(entityId));
        return this;
    }

    /** Replaces every signing certificate of an entity's IdP with this one (base64 DER): a certificate rotation. */
    public TestRegistry rotateSigningCertificate(String entityId, String certificateBase64) {
        Element idp = SamlDom.child(entity(entityId), MD, "IDPSSODescriptor");
        List<Element> keys = SamlDom.children(idp, MD, "KeyDescriptor").stream()
                .filter(e -> !"encryption".equals(e.getAttribute("use"))).toList();
        Element first = keys.get(0);
        var certificates = first.getElementsByTagNameNS(SamlDom.DSIG_NS, "X509Certificate");
        certificates.item(0).setTextContent(certificateBase64);
        while (certificates.getLength() > 1) {
            Node extra = certificates.item(1);
            extra.getParentNode().removeChild(extra);
        }
        keys.stream().skip(1).forEach(idp::removeChild);
        return this;
    }

    /** Gives an entity's IdP an {@code mdui:Logo} (SAML V2.0 Metadata UI). */
    public TestRegistry logo(String entityId, String url) {
        Element idp = SamlDom.child(entity(entityId), MD, "IDPSSODescriptor");
        Element extensions = doc.createElementNS(MD, "md:Extensions");
        Element uiInfo = doc.createElementNS("urn:oasis:names:tc:SAML:metadata:ui", "mdui:UIInfo");
        uiInfo.setAttributeNS(SamlDom.XMLNS_NS, "xmlns:mdui", "urn:oasis:names:tc:SAML:metadata:ui");
        Element logo = doc.createElementNS("urn:oasis:names:tc:SAML:metadata:ui", "mdui:Logo");
        logo.setAttribute("height", "60");
        logo.setAttribute("width", "60");
        logo.setTextContent(url);
        uiInfo.appendChild(logo);
        extensions.appendChild(uiInfo);
        idp.insertBefore(extensions, idp.getFirstChild());
        return this;
    }

    public TestRegistry validUntil(Instant instant) {
        root.setAttribute("validUntil", instant.toString());
        return this;
    }

    /** Signed as a whole, like AgID signs it (RSA-SHA256, exclusive c14n, Reference to the root's ID). */
    public String signedWith(SigningCredential credential) {
        root.setAttribute("ID", RandomIds.samlId());
        EnvelopedSignature.signAsFirstChild(root, credential);
        return SamlXml.write(doc);
    }

    public String unsigned() {
        return SamlXml.write(doc);
    }

    private Element entity(String entityId) {
        return SamlDom.children(root, MD, "EntityDescriptor").stream().filter(e -> entityId.equals(e.getAttribute("entityID"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entity " + entityId));
    }
}
