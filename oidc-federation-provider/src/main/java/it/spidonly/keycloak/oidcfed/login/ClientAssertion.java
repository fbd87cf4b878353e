package it.spidonly.keycloak.oidcfed.login;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.keycloak.crypto.AsymmetricSignatureSignerContext;
import org.keycloak.jose.jws.JWSBuilder;

/**
 * {@code private_key_jwt} (SPID/CIE OIDC, "Token Endpoint", "Revocation Endpoint"): {@code iss} = {@code sub} =
 * {@code client_id}, {@code aud} = the endpoint it is sent to, {@code iat}, {@code exp} (60 s) and a fresh uuid4
 * {@code jti}, signed with the RP's protocol signing key. One assertion per request, never reused.
 */
public final class ClientAssertion {
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final long LIFETIME_SECONDS = 60;

    private ClientAssertion() {
    }

    public static String build(RpCredentials rp, String audience, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", rp.clientId());
        claims.put("sub", rp.clientId());
        claims.put("aud", audience);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        claims.put("jti", UUID.randomUUID().toString());
        return new JWSBuilder().type("JWT").kid(rp.signingKey().getKid()).jsonContent(claims)
                .sign(new AsymmetricSignatureSignerContext(rp.signingKey()));
    }

    /** The form parameters that authenticate the RP at {@code endpoint}. */
    public static Map<String, String> parameters(RpCredentials rp, String endpoint, Instant now) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", rp.clientId());
        params.put("client_assertion_type", TYPE);
        params.put("client_assertion", build(rp, endpoint, now));
        return params;
    }
}
