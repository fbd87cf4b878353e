package it.spidonly.keycloak.eidas.node;

import java.util.Set;

/**
 * The algorithms of eIDAS Cryptographic Requirements v1.2 (sections 2 and 3), as URIs. Signatures: RSASSA-PSS or
 * ECDSA with SHA-256 or stronger; RSA PKCS#1 v1.5 and SHA-1 are not allowed. Encryption: AES-GCM with RSA-OAEP key
 * transport. Keys: RSA at least 3072 bits, EC at least 256.
 */
public final class EidasAlgorithms {
    public static final String RSA_PSS_SHA256 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";
    public static final String RSA_PSS_SHA384 = "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1";
    public static final String RSA_PSS_SHA512 = "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String ECDSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
    public static final String ECDSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    public static final String AES128_GCM = "http://www.w3.org/2009/xmlenc11#aes128-gcm";
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    public static final String RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    public static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    public static final String MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";

    public static final Set<String> SIGNATURES = Set.of(RSA_PSS_SHA256, RSA_PSS_SHA384, RSA_PSS_SHA512, ECDSA_SHA256, ECDSA_SHA384, ECDSA_SHA512);
    public static final Set<String> DIGESTS = Set.of(SHA256, SHA384, SHA512);
    public static final Set<String> DATA_ENCRYPTION = Set.of(AES128_GCM, AES256_GCM);
    public static final Set<String> KEY_TRANSPORT = Set.of(RSA_OAEP, RSA_OAEP_MGF1P);

    public static final int MIN_RSA_BITS = 3072;
    public static final int MIN_EC_BITS = 256;

    private EidasAlgorithms() {
    }
}
