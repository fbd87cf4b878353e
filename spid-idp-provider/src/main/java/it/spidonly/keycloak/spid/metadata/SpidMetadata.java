package it.spidonly.keycloak.spid.metadata;

import java.net.URI;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.common.util.DocumentUtil;

import it.spidonly.keycloak.spid.keys.SpidSigningKey;
import it.spidonly.keycloak.spid.sp.SpidServiceProviderConfig;

/** The realm's signed SP metadata, as text. */
public final class SpidMetadata {
    private SpidMetadata() {
    }

    public static String signedXml(KeycloakSession session, RealmModel realm, SpidServiceProviderConfig sp, URI baseUri) {
        SpidSigningKey key = SpidSigningKey.resolve(session, realm, sp);
        SpidEndpointUrls urls = SpidEndpointUrls.of(baseUri, realm.getName());
        try {
            return DocumentUtil.getDocumentAsString(MetadataSigner.sign(new SpidMetadataWriter(sp, key.certificate(),
                    SpidSigningKey.nextCertificates(session, realm, key), urls).write(), key));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serialise the SP metadata", e);
        }
    }
}
