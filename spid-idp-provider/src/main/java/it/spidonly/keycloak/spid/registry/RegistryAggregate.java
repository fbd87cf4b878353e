package it.spidonly.keycloak.spid.registry;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import it.spidonly.keycloak.spid.metadata.SamlNames;

/**
 * AgID's SPID IdP registry (one signed {@code EntitiesDescriptor} of every accredited IdP), read only when its
 * aggregate-level signature verifies with a trusted registry certificate: the signature must be a direct child of
 * the root and reference the root's ID (or the whole document), with an allowed algorithm; an expired {@code validUntil} is refused.
 * Per-entity signatures inside are not needed (one of them is known not to verify; AgID signs the whole).
 */
public final class RegistryAggregate {
    /** The real aggregate is about 130 KiB; anything far bigger is not the registry. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";

    private final List<RegistryIdp> idps;

    private RegistryAggregate(List<RegistryIdp> idps) {
        this.idps = List.copyOf(idps);
    }

    public List<RegistryIdp> idps() {
        return idps;
    }

    public static RegistryAggregate verify(byte[] xml, List<X509Certificate> trusted, Clock clock) {
        Element root = aggregate(xml);
        checkValidUntil(root, clock);
        verifySignature(root, trusted);
        return new RegistryAggregate(RegistryEntities.read(root));
    }

    /**
     * A local file the admin explicitly marked as trusted (e.g. a registry of test IdPs): read with the same secure
     * parser and size cap, but neither its signature nor its validUntil is checked.
     */
    public static RegistryAggregate trusted(byte[] xml) {
        return new RegistryAggregate(RegistryEntities.read(aggregate(xml)));
    }

    private static Element aggregate(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new RegistryRejected("spidRegistryTooLarge", xml.length + " bytes");
        }
        Element root = parse(xml).getDocumentElement();
        if (!SamlNames.MD.equals(root.getNamespaceURI()) || !"EntitiesDescriptor".equals(root.getLocalName())) {
            throw new RegistryRejected("spidRegistryNotAggregate", "root element " + root.getLocalName());
        }
        return root;
    }

    private static Document parse(byte[] xml) {
        try {
            return DocumentUtil.getDocument(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new RegistryRejected("spidRegistryNotXml", e.getClass().getSimpleName());
        }
    }

    private static void checkValidUntil(Element root, Clock clock) {
        String validUntil = root.getAttribute("validUntil");
        if (validUntil.isEmpty()) {
            return;
        }
        try {
            if (!Instant.parse(validUntil).isAfter(clock.instant())) {
                throw new RegistryRejected("spidRegistryExpired", validUntil);
            }
        } catch (DateTimeParseException e) {
            throw new RegistryRejected("spidRegistryExpired", "unreadable validUntil " + validUntil);
        }
    }

    private static void verifySignature(Element root, List<X509Certificate> trusted) {
        List<Element> signatures = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SamlNames.DS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                signatures.add(e);
            }
        }
        String id = root.getAttribute("ID");
        if (signatures.size() != 1) {
            throw new RegistryRejected("spidRegistryUnsigned", signatures.size() + " aggregate signatures");
        }
        Element signature = signatures.get(0);
        Element reference = (Element) signature.getElementsByTagNameNS(SamlNames.DS, "Reference").item(0);
        Element method = (Element) signature.getElementsByTagNameNS(SamlNames.DS, "SignatureMethod").item(0);
        // "#ID" of the root, or "" (the whole document, which is the root: older aggregates sign so)
        String uri = reference == null ? null : reference.getAttribute("URI");
        if (uri == null || !(uri.isEmpty() || (!id.isEmpty() && uri.equals("#" + id)))) {
            throw new RegistryRejected("spidRegistryUnsigned", "the signature does not cover the aggregate");
        }
        if (method == null || SHA1.equals(method.getAttribute("Algorithm"))) {
            throw new RegistryRejected("spidRegistryBadSignature", "signature algorithm not allowed");
        }
        if (!id.isEmpty()) {
            root.setIdAttribute("ID", true);
        }
        List<PublicKey> keys = trusted.stream().map(X509Certificate::getPublicKey).toList();
        boolean valid;
        try {
            valid = !keys.isEmpty() && XMLSignatureUtil.validateSingleNode(signature, new HardcodedKeyLocator(keys));
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new RegistryRejected("spidRegistryBadSignature", "does not verify with the trusted registry certificate");
        }
    }
}
