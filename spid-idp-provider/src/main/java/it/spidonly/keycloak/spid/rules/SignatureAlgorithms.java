package it.spidonly.keycloak.spid.rules;

import java.util.Set;
import java.util.stream.Stream;

/**
 * The XML signature algorithms SPID allows (SPID Regole tecniche and Avviso 29: RSA or ECDSA with SHA-256 or
 * stronger, never SHA-1) and the only transforms a SAML enveloped signature needs (enveloped signature and
 * exclusive canonicalisation, SAML core 5.4.3–5.4.4). Everything else (XSLT, XPath, c14n with comments) is refused.
 */
final class SignatureAlgorithms {
    static final Set<String> SIGNATURE_METHODS = Set.of(
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");
    static final Set<String> DIGEST_METHODS = Set.of(
            "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512");
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private SignatureAlgorithms() {
    }

    /** The signatures present on the Response and on its Assertion. */
    static Stream<EnvelopedSignature> present(SpidResponse response) {
        return Stream.of(Part.RESPONSE, Part.ASSERTION).flatMap(p -> p.signature(response).stream())
                .filter(EnvelopedSignature::present);
    }
}
