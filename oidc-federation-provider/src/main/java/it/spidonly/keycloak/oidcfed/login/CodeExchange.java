package it.spidonly.keycloak.oidcfed.login;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.keycloak.util.JsonSerialization;

import it.spidonly.keycloak.spid.attributes.AccountLimits;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.spid.rules.RuleResult;

/**
 * The back channel of a login, after the OP's redirect: the token request ({@code authorization_code} with the PKCE
 * verifier, {@code private_key_jwt} with {@code aud} = the token endpoint), the ID token (signature with the OP's keys
 * from the trust chain, then {@link IdTokenRules}), the userinfo ({@link UserinfoReader}) and the fiscal number. Any
 * refusal names its check. No Keycloak session: it runs in a unit test against the test OP.
 */
public final class CodeExchange {
    static final int MAX_TOKEN_RESPONSE = 128 * 1024;

    private CodeExchange() {
    }

    public static VerifiedLogin run(OpHttp http, RpCredentials rp, OpMetadata op, PendingLogin pending, String code,
                                    String redirectUri, TokenExpectations expected) throws LoginRefused {
        JsonNode tokens = tokenResponse(http, rp, op, pending, code, redirectUri, expected.now());
        String idToken = IdTokenRules.text(tokens, "id_token");
        String accessToken = IdTokenRules.text(tokens, "access_token");
        if (idToken == null || accessToken == null) {
            throw new LoginRefused(LoginChecks.TOKEN_REQUEST, "the token response lacks id_token or access_token");
        }
        SignedJwt verified = SignedJwt.verify(idToken, op.keys(), LoginChecks.TOKEN_MALFORMED, LoginChecks.TOKEN_ALGORITHM,
                LoginChecks.TOKEN_SIGNATURE);
        JsonNode claims = verified.claims();
        RuleResult result = IdTokenRules.run(claims, expected);
        if (!result.passed()) {
            throw new LoginRefused(result.failedRuleId().orElseThrow(), "the ID token failed " + result);
        }
        if (!AccessTokenHash.of(accessToken, verified.algorithm()).equals(IdTokenRules.text(claims, "at_hash"))) {
            throw new LoginRefused(LoginChecks.TOKEN_AT_HASH, "the ID token's at_hash does not match the access token");
        }
        String subject = IdTokenRules.text(claims, "sub");
        if (subject == null || subject.isBlank()) {
            throw new LoginRefused(LoginChecks.TOKEN_MALFORMED, "the ID token has no sub");
        }
        OpHttp.Answer answer;
        try {
            answer = http.getWithBearer(op.userinfoEndpoint(), accessToken);
        } catch (IOException e) {
            throw new LoginRefused(LoginChecks.USERINFO_REQUEST, "the userinfo endpoint cannot be reached", e);
        }
        if (!answer.ok()) {
            throw new LoginRefused(LoginChecks.USERINFO_REQUEST, "the userinfo endpoint answered " + answer.status());
        }
        JsonNode userinfo = UserinfoReader.read(answer.body(), rp, op, subject, expected.now());
        FederatedClaims federated = FederatedClaims.of(claims, userinfo);
        if (federated.fiscalNumber().isEmpty()) {
            throw new LoginRefused(LoginChecks.USERINFO_FISCAL_NUMBER, "no valid fiscal number among the claims");
        }
        if (!AccountLimits.allFit(federated.attributes())) {
            throw new LoginRefused(LoginChecks.USERINFO_LENGTH, "a claim is longer than the account can hold");
        }
        SpidLevel level = SpidLevel.fromUri(IdTokenRules.text(claims, "acr")).orElseThrow();
        return new VerifiedLogin(claims, userinfo, federated, level, subject, accessToken,
                IdTokenRules.text(tokens, "refresh_token"), idToken);
    }

    private static JsonNode tokenResponse(OpHttp http, RpCredentials rp, OpMetadata op, PendingLogin pending, String code,
                                          String redirectUri, Instant now) throws LoginRefused {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("code_verifier", pending.codeVerifier());
        form.put("redirect_uri", redirectUri);
        form.putAll(ClientAssertion.parameters(rp, op.tokenEndpoint(), now));
        OpHttp.Answer answer;
        try {
            answer = http.postForm(op.tokenEndpoint(), form);
        } catch (IOException e) {
            throw new LoginRefused(LoginChecks.TOKEN_REQUEST, "the token endpoint cannot be reached", e);
        }
        if (!answer.ok() || answer.body() == null || answer.body().length() > MAX_TOKEN_RESPONSE) {
            throw new LoginRefused(LoginChecks.TOKEN_REQUEST, "the token endpoint answered " + answer.status());
        }
        try {
            JsonNode json = JsonSerialization.readValue(answer.body(), JsonNode.class);
            if (json == null || !json.isObject()) {
                throw new LoginRefused(LoginChecks.TOKEN_REQUEST, "the token response is not a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new LoginRefused(LoginChecks.TOKEN_REQUEST, "the token response is not JSON", e);
        }
    }
}
