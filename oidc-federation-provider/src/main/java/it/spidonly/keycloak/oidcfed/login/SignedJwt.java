package it.spidonly.keycloak.oidcfed.login;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.keycloak.crypto.AsymmetricSignatureVerifierContext;
import org.keycloak.crypto.ECDSASignatureVerifierContext;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureVerifierContext;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jwk.JWKParser;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.util.JsonSerialization;

/**
 * A JWS from the OP (ID token, inner userinfo JWS) verified with the OP's keys from the trust chain. Only the
 * algorithms SPID/CIE allow ("Algoritmi crittografici": RS256/RS512 MUST, PS256/PS512/ES256/ES512 RECOMMENDED);
 * {@code none} and HMAC are refused. Parsed once; the claims are the verified payload.
 */
public final class SignedJwt {
    static final Set<String> ALGORITHMS = Set.of("RS256", "RS512", "PS256", "PS512", "ES256", "ES512");
    /** The most a JWS from an OP may weigh before it is parsed. */
    static final int MAX_LENGTH = 64 * 1024;

    private final JsonNode claims;
    private final String algorithm;

    private SignedJwt(JsonNode claims, String algorithm) {
        this.claims = claims;
        this.algorithm = algorithm;
    }

    public JsonNode claims() {
        return claims;
    }

    /** The verified JWS algorithm (RS256, PS512, ...). */
    public String algorithm() {
        return algorithm;
    }

    /**
     * @param malformed the check id for what is not a JWS at all
     * @param algorithm the check id for an algorithm outside the allowed set
     * @param signature the check id for a signature no OP key verifies
     */
    public static SignedJwt verify(String jws, List<JWK> opKeys, String malformed, String algorithm, String signature)
            throws LoginRefused {
        if (jws == null || jws.length() > MAX_LENGTH || jws.chars().filter(c -> c == '.').count() != 2) {
            throw new LoginRefused(malformed, "not a compact JWS");
        }
        JWSInput input;
        JsonNode claims;
        try {
            input = new JWSInput(jws);
            claims = JsonSerialization.readValue(input.getContent(), JsonNode.class);
        } catch (Exception e) {
            throw new LoginRefused(malformed, "the JWS cannot be read", e);
        }
        if (claims == null || !claims.isObject()) {
            throw new LoginRefused(malformed, "the JWS payload is not a JSON object");
        }
        String alg = input.getHeader().getRawAlgorithm();
        if (alg == null || !ALGORITHMS.contains(alg)) {
            throw new LoginRefused(algorithm, "signature algorithm not allowed: " + alg);
        }
        byte[] signed = input.getEncodedSignatureInput().getBytes(StandardCharsets.US_ASCII);
        String kid = input.getHeader().getKeyId();
        List<JWK> candidates = kid == null ? opKeys : opKeys.stream().filter(k -> kid.equals(k.getKeyId())).toList();
        for (JWK key : candidates) {
            if (verifies(key, alg, signed, input.getSignature())) {
                return new SignedJwt(claims, alg);
            }
        }
        throw new LoginRefused(signature, "no key of the OP's trust chain verifies the signature (kid " + kid + ")");
    }

    private static boolean verifies(JWK jwk, String alg, byte[] signed, byte[] signatureBytes) {
        if (jwk.getKeyType() == null || (alg.startsWith("ES") != "EC".equals(jwk.getKeyType()))) {
            return false;
        }
        try {
            KeyWrapper key = new KeyWrapper();
            key.setKid(jwk.getKeyId());
            key.setAlgorithm(alg);
            key.setType(jwk.getKeyType());
            key.setPublicKey(JWKParser.create(jwk).toPublicKey());
            SignatureVerifierContext verifier = alg.startsWith("ES")
                    ? new ECDSASignatureVerifierContext(key) : new AsymmetricSignatureVerifierContext(key);
            return verifier.verify(signed, signatureBytes);
        } catch (Exception e) {
            return false;
        }
    }
}
