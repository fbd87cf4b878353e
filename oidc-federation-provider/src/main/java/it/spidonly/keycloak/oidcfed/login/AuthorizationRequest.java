package it.spidonly.keycloak.oidcfed.login;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.keycloak.crypto.AsymmetricSignatureSignerContext;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.protocol.oidc.utils.PkceUtils;

import it.spidonly.keycloak.spid.level.SpidLevel;

/**
 * The authorization request of SPID/CIE OIDC ("Authorization Endpoint"): a GET whose {@code request} is a JWS signed
 * with the RP's protocol key, by value. Claims: {@code iss} = {@code client_id} = the RP's entity id, {@code aud} the
 * OP (its entity id, and its {@code issuer} too when they differ: both generations of the rules), {@code
 * response_type=code}, {@code scope}, {@code redirect_uri}, {@code state} and {@code nonce} (random, 43 alphanumeric),
 * PKCE S256, {@code prompt}, {@code acr_values} (the SPID level asked for), {@code claims} (the SPID/CIE attributes,
 * under {@code userinfo}), {@code iat}, {@code exp} (60 s), {@code jti}. The query repeats {@code client_id},
 * {@code response_type}, {@code scope} and the PKCE challenge, as SPID requires.
 */
public final class AuthorizationRequest {
    static final long LIFETIME_SECONDS = 60;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuthorizationRequest() {
    }

    /** The URL the browser is sent to, and what the callback needs (to keep under {@code state}). */
    public record Built(URI url, String state, PendingLogin pending, Map<String, Object> claims) {
    }

    public static Built build(RpCredentials rp, OpMetadata op, Profile profile, String redirectUri, SpidLevel level,
                              String brokerState, String idpAlias, Instant now) {
        String state = RandomValues.alphanumeric();
        String nonce = RandomValues.alphanumeric();
        String verifier = PkceUtils.generateCodeVerifier();
        String challenge = PkceUtils.encodeCodeChallenge(verifier, "S256");
        String prompt = level == SpidLevel.L1 ? "consent" : "consent login";

        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", rp.clientId());
        claims.put("aud", op.issuer().equals(op.entityId()) ? op.entityId() : List.of(op.entityId(), op.issuer()));
        claims.put("client_id", rp.clientId());
        claims.put("response_type", "code");
        claims.put("scope", profile.scope());
        claims.put("redirect_uri", redirectUri);
        claims.put("state", state);
        claims.put("nonce", nonce);
        claims.put("code_challenge", challenge);
        claims.put("code_challenge_method", "S256");
        claims.put("prompt", prompt);
        claims.put("acr_values", level.uri());
        claims.put("claims", Map.of("userinfo", requested(profile)));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        claims.put("jti", UUID.randomUUID().toString());

        String request = new JWSBuilder().type("JWT").kid(rp.signingKey().getKid()).content(json(claims))
                .sign(new AsymmetricSignatureSignerContext(rp.signingKey()));
        String query = "client_id=" + enc(rp.clientId()) + "&response_type=code&scope=" + enc(profile.scope())
                + "&code_challenge=" + enc(challenge) + "&code_challenge_method=S256&request=" + enc(request);
        String base = op.authorizationEndpoint();
        URI url = URI.create(base + (base.contains("?") ? "&" : "?") + query);
        PendingLogin pending = new PendingLogin(brokerState, nonce, verifier, level.number(), op.entityId(), idpAlias, redirectUri);
        return new Built(url, state, pending, claims);
    }

    private static Map<String, Object> requested(Profile profile) {
        Map<String, Object> userinfo = new LinkedHashMap<>();
        for (String claim : profile.userinfoClaims()) {
            userinfo.put(claim, Claims.FISCAL_NUMBER.equals(claim) ? Map.of("essential", true) : null);
        }
        return userinfo;
    }

    /**
     * Serialised with the nulls kept: a claim asked for with its default options is {@code "name": null} (OIDC Core
     * 5.5), which Keycloak's own JSON settings would drop.
     */
    private static byte[] json(Map<String, Object> claims) {
        try {
            return MAPPER.writeValueAsBytes(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
