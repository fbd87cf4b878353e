package it.spidonly.keycloak.testsupport.oidcfed;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An RSA federation key of a test entity (trust anchor or subordinate) and compact JWS signing with it (RS256). The
 * kid is the RFC 7638 thumbprint. Test tool: the private key lives in memory only.
 */
public final class TestTrustAnchorSigner {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String kid;

    private TestTrustAnchorSigner(KeyPair keys) {
        this.keys = keys;
        this.kid = thumbprint((RSAPublicKey) keys.getPublic());
    }

    public static TestTrustAnchorSigner generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestTrustAnchorSigner(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kid() {
        return kid;
    }

    /** The public key as a JWK ({@code kty}, {@code kid}, {@code use} sig, {@code alg} RS256, {@code n}, {@code e}). */
    public Map<String, Object> publicJwk() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", unsigned(key.getModulus()));
        jwk.put("e", unsigned(key.getPublicExponent()));
        return jwk;
    }

    /** {@code {"keys": [this key]}}. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(publicJwk()));
    }

    public String jwksJson() {
        return json(jwks());
    }

    /** A compact JWS with header {@code alg} RS256, {@code kid}, {@code typ}. */
    public String sign(String typ, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("kid", kid);
        if (typ != null) {
            header.put("typ", typ);
        }
        return signWithHeader(header, claims);
    }

    /** A compact JWS with exactly this header (tests of hostile headers: alg none, no kid, another typ). */
    public String signWithHeader(Map<String, Object> header, Map<String, Object> claims) {
        String input = B64.encodeToString(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        if ("none".equals(header.get("alg"))) {
            return input + ".";
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return B64.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\"" + unsigned(key.getModulus()) + "\"}";
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
