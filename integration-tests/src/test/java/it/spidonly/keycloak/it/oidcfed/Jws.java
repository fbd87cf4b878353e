package it.spidonly.keycloak.it.oidcfed;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A compact JWS read the way an OP reads it: header and claims as JSON, RS256 checked with a JWK of a JWK Set. */
record Jws(JsonNode header, JsonNode claims, String signingInput, byte[] signature) {
    static final ObjectMapper JSON = new ObjectMapper();

    static Jws parse(String compact) {
        String[] parts = compact.split("\\.");
        try {
            return new Jws(JSON.readTree(Base64.getUrlDecoder().decode(parts[0])), JSON.readTree(Base64.getUrlDecoder().decode(parts[1])),
                    parts[0] + "." + parts[1], Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JWS: " + compact, e);
        }
    }

    String kid() {
        return header.path("kid").asText();
    }

    /** Whether the signature verifies with the key of this JWS's kid in {@code jwks} (RS256). */
    boolean verifiesWith(JsonNode jwks) {
        for (JsonNode key : jwks.path("keys")) {
            if (kid().equals(key.path("kid").asText())) {
                try {
                    PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                            new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
                    Signature verifier = Signature.getInstance("SHA256withRSA");
                    verifier.initVerify(publicKey);
                    verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                    return "RS256".equals(header.path("alg").asText()) && verifier.verify(signature);
                } catch (Exception e) {
                    return false;
                }
            }
        }
        return false;
    }
}
