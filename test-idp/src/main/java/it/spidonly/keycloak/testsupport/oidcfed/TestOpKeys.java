package it.spidonly.keycloak.testsupport.oidcfed;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** The test OP's keys: a federation key (entity configuration) and protocol keys (ID token, userinfo), RSA 2048. */
final class TestOpKeys {
    final RSAKey federation;
    final RSAKey protocol;
    /** A key the OP never publishes (for {@link TestOpMisbehaviour#ID_TOKEN_UNKNOWN_KEY}). */
    final RSAKey stray;

    TestOpKeys() {
        try {
            federation = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint(true).generate();
            protocol = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint(true).generate();
            stray = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    JWKSet federationPublic() {
        return new JWKSet(federation.toPublicJWK());
    }

    JWKSet protocolPublic() {
        return new JWKSet(protocol.toPublicJWK());
    }
}
