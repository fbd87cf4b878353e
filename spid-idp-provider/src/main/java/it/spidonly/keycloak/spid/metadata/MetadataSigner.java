package it.spidonly.keycloak.spid.metadata;

import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import it.spidonly.keycloak.spid.keys.SpidSigningKey;

/**
 * Signs the SP metadata with an enveloped signature over the EntityDescriptor's ID, exclusive c14n,
 * KeyInfo carrying X509Data only, placed as the first child as the metadata schema requires
 * (SPID Regole tecniche "Metadata": signature RSA-SHA256 or stronger).
 */
public final class MetadataSigner {
    private MetadataSigner() {
    }

    public static Document sign(Document metadata, SpidSigningKey key) {
        Element root = metadata.getDocumentElement();
        try {
            XMLSignatureUtil.sign(root, root.getFirstChild(), null, key.keyPair(),
                    key.algorithm().getXmlSignatureDigestMethod(), key.algorithm().getXmlSignatureMethod(),
                    "#" + root.getAttribute("ID"), key.certificate(), SamlNames.EXC_C14N);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign the SP metadata", e);
        }
        return metadata;
    }
}
