package it.spidonly.keycloak.testsupport.idp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * Checks the signature of an AuthnRequest sent with HTTP-Redirect (SAML bindings 3.4.4.1; SPID Regole tecniche,
 * AuthnRequest: signed): SigAlg and Signature sign the octets {@code SAMLRequest=...&RelayState=...&SigAlg=...}
 * built from the values exactly as they were percent-encoded in the received query string (RelayState only when
 * present), whatever their order in the URL.
 */
final class RedirectSignatureVerifier {

    private RedirectSignatureVerifier() {
    }

    static SignatureCheck verify(FormParameters query, List<PublicKey> spKeys) {
        if (query.raw("SigAlg") == null || query.raw("Signature") == null) {
            return SignatureCheck.failed("The AuthnRequest is not signed (HTTP-Redirect needs SigAlg and Signature)");
        }
        String jcaAlgorithm = SignatureAlgorithms.REDIRECT_SIG_ALGS.get(query.get("SigAlg"));
        if (jcaAlgorithm == null) {
            return SignatureCheck.failed("SigAlg not allowed by SPID: " + query.get("SigAlg"));
        }
        if (spKeys.isEmpty()) {
            return SignatureCheck.failed("The SP metadata has no signing certificate");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(query.get("Signature"));
        } catch (IllegalArgumentException e) {
            return SignatureCheck.failed("The Signature parameter is not base64");
        }
        byte[] signedOctets = signedOctets(query);
        return spKeys.stream().anyMatch(key -> verifies(jcaAlgorithm, key, signedOctets, signature))
                ? SignatureCheck.ok()
                : SignatureCheck.failed("The signature does not verify with the SP metadata certificate(s)");
    }

    private static boolean verifies(String jcaAlgorithm, PublicKey key, byte[] signedOctets, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(jcaAlgorithm);
            verifier.initVerify(key);
            verifier.update(signedOctets);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] signedOctets(FormParameters query) {
        StringBuilder octets = new StringBuilder("SAMLRequest=").append(query.raw("SAMLRequest"));
        if (query.raw("RelayState") != null) {
            octets.append("&RelayState=").append(query.raw("RelayState"));
        }
        octets.append("&SigAlg=").append(query.raw("SigAlg"));
        return octets.toString().getBytes(StandardCharsets.UTF_8);
    }
}
