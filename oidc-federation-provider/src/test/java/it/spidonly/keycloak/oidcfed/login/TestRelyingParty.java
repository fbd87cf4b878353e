package it.spidonly.keycloak.oidcfed.login;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyWrapper;

/** A relying party's protocol keys as a realm's KeyManager would give them (RS256 sig, RSA-OAEP enc), and their JWKS. */
final class TestRelyingParty {
    static final String CLIENT_ID = "https://rp.example/realms/ministero/oidc-federation";
    static final String REDIRECT_URI = "https://rp.example/realms/ministero/broker/spid-oidc-op/endpoint";

    final RpCredentials credentials;
    final String jwksJson;

    TestRelyingParty() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair sig = generator.generateKeyPair();
        KeyPair enc = generator.generateKeyPair();
        KeyWrapper signing = key("rp-sig", "RS256", org.keycloak.crypto.KeyUse.SIG, sig);
        KeyWrapper decryption = key("rp-enc", "RSA-OAEP", org.keycloak.crypto.KeyUse.ENC, enc);
        credentials = new RpCredentials(CLIENT_ID, signing, List.of(decryption));
        jwksJson = new JWKSet(List.of(
                new RSAKey.Builder((RSAPublicKey) sig.getPublic()).keyID("rp-sig").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build(),
                new RSAKey.Builder((RSAPublicKey) enc.getPublic()).keyID("rp-enc").keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.RSA_OAEP).build()))
                .toString();
    }

    private static KeyWrapper key(String kid, String alg, org.keycloak.crypto.KeyUse use, KeyPair pair) {
        KeyWrapper key = new KeyWrapper();
        key.setKid(kid);
        key.setAlgorithm(alg);
        key.setUse(use);
        key.setType(KeyType.RSA);
        key.setStatus(KeyStatus.ACTIVE);
        key.setPrivateKey(pair.getPrivate());
        key.setPublicKey(pair.getPublic());
        return key;
    }
}
