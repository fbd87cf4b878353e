package it.spidonly.keycloak.testsupport.idp;

import java.util.Map;
import java.util.Set;

/**
 * The signature and digest algorithms SPID accepts on AuthnRequests: RSA-SHA256/384/512 or ECDSA with SHA-256 or
 * stronger digests, never SHA-1 (SPID Regole tecniche, AuthnRequest: firma). HTTP-Redirect here supports RSA only.
 */
final class SignatureAlgorithms {

    private static final String MORE = "http://www.w3.org/2001/04/xmldsig-more#";

    static final Set<String> XML_SIGNATURE_METHODS = Set.of(MORE + "rsa-sha256", MORE + "rsa-sha384",
            MORE + "rsa-sha512", MORE + "ecdsa-sha256", MORE + "ecdsa-sha384", MORE + "ecdsa-sha512");

    static final Set<String> XML_DIGEST_METHODS = Set.of("http://www.w3.org/2001/04/xmlenc#sha256",
            MORE + "sha384", "http://www.w3.org/2001/04/xmlenc#sha512");

    static final Set<String> XML_TRANSFORMS = Set.of("http://www.w3.org/2000/09/xmldsig#enveloped-signature",
            "http://www.w3.org/2001/10/xml-exc-c14n#");

    /** HTTP-Redirect SigAlg URI to JCA signature algorithm name. */
    static final Map<String, String> REDIRECT_SIG_ALGS = Map.of(MORE + "rsa-sha256", "SHA256withRSA",
            MORE + "rsa-sha384", "SHA384withRSA", MORE + "rsa-sha512", "SHA512withRSA");

    private SignatureAlgorithms() {
    }
}
