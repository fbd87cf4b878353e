package it.spidonly.keycloak.spid.keys.provider;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;

import org.keycloak.common.util.PemUtils;
import org.keycloak.component.ComponentModel;
import org.keycloak.keys.Attributes;

/** What a key provider component already holds: the size of its stored RSA certificate's key. */
public final class StoredRsaKey {
    private StoredRsaKey() {
    }

    /** The modulus size in bits of the component's stored certificate, or -1 when there is none or it is unreadable. */
    public static int size(ComponentModel model) {
        try {
            X509Certificate certificate = PemUtils.decodeCertificate(model.get(Attributes.CERTIFICATE_KEY));
            return ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength();
        } catch (Exception e) {
            return -1;
        }
    }
}
