package it.spidonly.keycloak.testsupport.oidcfed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

/**
 * A relying party as the test OP knows it: its protocol keys and redirect URIs, from its entity configuration
 * ({@code {client_id}/.well-known/openid-federation}, self-signature verified with its own federation keys), as a real
 * OP reads them after resolving the RP (the reference OP also checks the RP's chain to the trust anchor; this one
 * trusts the entity configuration's own signature), or registered by a unit test.
 */
record TestOpRelyingParty(String clientId, JWKSet jwks, List<String> redirectUris) {

    RSAKey signingKey(String kid) {
        return key(kid, KeyUse.SIGNATURE);
    }

    /** The RP's encryption key for the userinfo JWE: the first RSA {@code use: enc} key. */
    RSAKey encryptionKey() {
        return key(null, KeyUse.ENCRYPTION);
    }

    /** A key of that use (first pass), else one that names no use. */
    private RSAKey key(String kid, KeyUse use) {
        for (boolean strict : new boolean[] {true, false}) {
            for (JWK k : jwks.getKeys()) {
                if (k instanceof RSAKey rsa && (kid == null || kid.equals(k.getKeyID()))
                        && (use.equals(k.getKeyUse()) || (!strict && k.getKeyUse() == null))) {
                    return rsa;
                }
            }
        }
        throw new TestOpRefusal("invalid_client", "no " + use + " key " + kid + " for " + clientId);
    }

    static TestOpRelyingParty fetch(String clientId) {
        try {
            String url = (clientId.endsWith("/") ? clientId : clientId + "/") + ".well-known/openid-federation";
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new TestOpRefusal("invalid_client", "the RP's entity configuration answered " + answer.statusCode());
            }
            SignedJWT ec = SignedJWT.parse(answer.body().trim());
            Map<String, Object> claims = ec.getJWTClaimsSet().getClaims();
            JWKSet federation = JWKSet.parse(ec.getJWTClaimsSet().getJSONObjectClaim("jwks"));
            JWK signer = federation.getKeyByKeyId(ec.getHeader().getKeyID());
            if (!(signer instanceof RSAKey rsa) || !ec.verify(new RSASSAVerifier(rsa))) {
                throw new TestOpRefusal("invalid_client", "the RP's entity configuration is not self-signed");
            }
            if (!clientId.equals(claims.get("iss")) || !clientId.equals(claims.get("sub"))
                    || ec.getJWTClaimsSet().getExpirationTime() == null || ec.getJWTClaimsSet().getExpirationTime().before(new Date())) {
                throw new TestOpRefusal("invalid_client", "the RP's entity configuration is not valid for " + clientId);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> rp = (Map<String, Object>) ((Map<String, Object>) claims.get("metadata")).get("openid_relying_party");
            @SuppressWarnings("unchecked")
            JWKSet jwks = JWKSet.parse((Map<String, Object>) rp.get("jwks"));
            List<String> redirects = new ArrayList<>();
            Object uris = rp.get("redirect_uris");
            if (uris instanceof List<?> list) {
                list.forEach(u -> redirects.add(String.valueOf(u)));
            }
            return new TestOpRelyingParty(clientId, jwks, redirects);
        } catch (TestOpRefusal e) {
            throw e;
        } catch (Exception e) {
            throw new TestOpRefusal("invalid_client", "the RP's entity configuration cannot be read: " + e);
        }
    }
}
