package it.spidonly.keycloak.cie.metadata;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.saml.common.util.DocumentUtil;

import it.spidonly.keycloak.cie.sp.CieServiceProvider;
import it.spidonly.keycloak.spid.keys.SpidSigningKey;
import it.spidonly.keycloak.spid.metadata.MetadataSigner;

/**
 * The realm's signed CIE SP metadata, as text: signed with the SP key of the SPID SP (one key for both), enveloped,
 * exclusive c14n, the X509Certificate inside the Signature's KeyInfo (which the Ministry's portal validator wants).
 */
public final class CieMetadata {
    private CieMetadata() {
    }

    public static String signedXml(KeycloakSession session, RealmModel realm, CieServiceProvider cie) {
        SpidSigningKey key = SpidSigningKey.resolve(session, realm, cie.shared());
        try {
            return DocumentUtil.getDocumentAsString(MetadataSigner.sign(new CieMetadataWriter(cie, key.certificate(),
                    SpidSigningKey.nextCertificates(session, realm, key)).write(), key));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serialise the CIE SP metadata", e);
        }
    }
}
