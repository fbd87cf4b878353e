package it.spidonly.keycloak.oidcfed.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.keycloak.crypto.ECDSAAlgorithm;
import org.keycloak.jose.jwk.JWKParser;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;

/**
 * A compact JWS from outside (entity statement, trust mark, resolve response), parsed once and checked before any
 * claim is read: size cap, JSON depth cap, an asymmetric {@code alg} (never {@code none} or HMAC: SPID/CIE OIDC
 * cryptographic_algos), the expected {@code typ}, a {@code kid}. {@link #verify} then checks the signature with the
 * key of that kid in the JWK Set the chain gives for the issuer.
 */
final class SignedStatement {
    static final int MAX_CHARS = 64 * 1024;
    static final int MAX_KEYS = 32;
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_CHARS).build()).build());
    private static final Map<String, String> RSA = Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");
    private static final Map<String, Integer> PSS = Map.of("PS256", 256, "PS384", 384, "PS512", 512);
    private static final Map<String, String> EC = Map.of("ES256", "SHA256withECDSA", "ES384", "SHA384withECDSA", "ES512", "SHA512withECDSA");
    static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    private final String wire;
    private final String alg;
    private final String kid;
    private final JsonNode claims;
    private final byte[] signingInput;
    private final byte[] signature;

    private SignedStatement(String wire, String alg, String kid, JsonNode claims, byte[] signingInput, byte[] signature) {
        this.wire = wire;
        this.alg = alg;
        this.kid = kid;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /**
     * @param typ      the {@code typ} the header must carry
     * @param typOptional whether a header without {@code typ} is accepted (the trust marks of the older SPID/CIE
     *                 generation carry none)
     */
    static SignedStatement parse(String jwt, String typ, boolean typOptional) throws TrustChainException {
        if (jwt == null || jwt.length() > MAX_CHARS) {
            throw ChainCheck.fail(ChainCheck.SIZE, "statement larger than " + MAX_CHARS + " characters");
        }
        String compact = jwt.trim();
        if (compact.chars().filter(c -> c == '.').count() != 2) {
            throw ChainCheck.fail(ChainCheck.JWT, "not a compact JWS");
        }
        JsonNode header;
        JWSInput input;
        try {
            input = new JWSInput(compact);
            header = JSON.readTree(java.util.Base64.getUrlDecoder().decode(input.getEncodedHeader()));
        } catch (JWSInputException | IOException | IllegalArgumentException e) {
            throw ChainCheck.fail(ChainCheck.JWT, "not a compact JWS");
        }
        if (!header.isObject()) {
            throw ChainCheck.fail(ChainCheck.JWT, "header is not a JSON object");
        }
        String alg = header.path("alg").asText("");
        if (!ALGORITHMS.contains(alg)) {
            throw ChainCheck.fail(ChainCheck.ALG, "alg " + (alg.isEmpty() ? "missing" : alg) + " is not allowed");
        }
        String actualTyp = header.hasNonNull("typ") ? header.get("typ").asText() : null;
        if (actualTyp == null ? !typOptional : !typ.equalsIgnoreCase(actualTyp)) {
            throw ChainCheck.fail(ChainCheck.TYP, "typ " + actualTyp + " where " + typ + " is expected");
        }
        String kid = header.path("kid").asText("");
        if (kid.isEmpty()) {
            throw ChainCheck.fail(ChainCheck.KID, "no kid in the header");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(input.getContent());
        } catch (IOException | RuntimeException e) {
            throw ChainCheck.fail(ChainCheck.JWT, "claims are not JSON");
        }
        if (claims == null || !claims.isObject()) {
            throw ChainCheck.fail(ChainCheck.JWT, "claims are not a JSON object");
        }
        return new SignedStatement(compact, alg, kid, claims,
                input.getEncodedSignatureInput().getBytes(StandardCharsets.US_ASCII), input.getSignature());
    }

    /** Verifies the signature with the key of this statement's kid in {@code jwks}; {@code failure} names the check. */
    void verify(JsonNode jwks, String failure) throws TrustChainException {
        JsonNode key = keyById(jwks, kid);
        if (key == null) {
            throw ChainCheck.fail(failure.equals(ChainCheck.SIGNATURE) ? ChainCheck.KID : failure,
                    "kid " + kid + " is not among the issuer's keys");
        }
        try {
            PublicKey publicKey = JWKParser.create().parse(key.toString()).toPublicKey();
            if (!verifies(publicKey)) {
                throw ChainCheck.fail(failure, "signature does not verify");
            }
        } catch (TrustChainException e) {
            throw e;
        } catch (Exception e) {
            throw ChainCheck.fail(failure, "signature does not verify");
        }
    }

    private boolean verifies(PublicKey key) throws Exception {
        Signature verifier;
        byte[] sig = signature;
        if (RSA.containsKey(alg)) {
            verifier = Signature.getInstance(RSA.get(alg));
        } else if (PSS.containsKey(alg)) {
            int bits = PSS.get(alg);
            verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", new MGF1ParameterSpec("SHA-" + bits), bits / 8, 1));
        } else {
            verifier = Signature.getInstance(EC.get(alg));
            sig = ECDSAAlgorithm.concatenatedRSToASN1DER(signature, ECDSAAlgorithm.getSignatureLength(alg));
        }
        if (!key.getAlgorithm().equals(alg.startsWith("ES") ? "EC" : "RSA")) {
            return false;
        }
        verifier.initVerify(key);
        verifier.update(signingInput);
        return verifier.verify(sig);
    }

    static JsonNode keyById(JsonNode jwks, String kid) {
        JsonNode keys = jwks == null ? null : jwks.path("keys");
        if (keys == null || !keys.isArray() || keys.size() > MAX_KEYS) {
            return null;
        }
        for (JsonNode key : keys) {
            if (kid.equals(key.path("kid").asText(null))) {
                return key;
            }
        }
        return null;
    }

    String wire() {
        return wire;
    }

    String kid() {
        return kid;
    }

    JsonNode claims() {
        return claims;
    }

    String iss() {
        return claims.path("iss").asText("");
    }

    String sub() {
        return claims.path("sub").asText("");
    }

    JsonNode jwks() {
        return claims.get("jwks");
    }
}
