package it.spidonly.keycloak.testsupport.browser;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenID Connect relying party for login tests: authorization code flow with PKCE (S256), state and
 * nonce, the front channel through an {@link HttpBrowser}, the back channel with Nimbus. The provider
 * is discovered from {@code ISSUER/.well-known/openid-configuration} on first use.
 *
 * <pre>
 * OidcTestClient rp = new OidcTestClient(browser, keycloak.realmUrl("spid"), "app", "http://127.0.0.1:1/cb");
 * keycloak.admin().post("/spid/clients", rp.clientRepresentation());
 * Page login = browser.get(rp.authorizationUrl(Map.of("kc_idp_hint", "spid-test")).toString());
 * ... // the flow ends on the 3xx to the redirect_uri, which the browser does not fetch
 * OidcTestClient.Tokens tokens = rp.exchange(lastPage.location());
 * </pre>
 */
public final class OidcTestClient {

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    /** What the token endpoint gave, the ID token already validated. */
    public record Tokens(String accessToken, String idToken, IDTokenClaimsSet idTokenClaims, String refreshToken) {
    }

    private record Pending(Nonce nonce, CodeVerifier verifier) {
    }

    private final Issuer issuer;
    private final ClientID clientId;
    private final URI redirectUri;
    private final Map<State, Pending> pending = new HashMap<>();
    private Secret secret;
    private OIDCProviderMetadata metadata;
    private IDTokenValidator validator;

    /** Also tells {@code browser} to stop at {@code redirectUri} instead of fetching it. */
    public OidcTestClient(HttpBrowser browser, String issuer, String clientId, String redirectUri) {
        this.issuer = new Issuer(issuer);
        this.clientId = new ClientID(clientId);
        this.redirectUri = URI.create(redirectUri);
        browser.stopAt(redirectUri);
    }

    /** A confidential client (client_secret_basic) instead of a public one. */
    public OidcTestClient withClientSecret(String clientSecret) {
        this.secret = new Secret(clientSecret);
        return this;
    }

    /** A Keycloak client representation matching this relying party, to POST to {@code /{realm}/clients}. */
    public Map<String, Object> clientRepresentation() {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId.getValue());
        client.put("protocol", "openid-connect");
        client.put("publicClient", secret == null);
        if (secret != null) {
            client.put("secret", secret.getValue());
        }
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("redirectUris", List.of(redirectUri.toString()));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        return client;
    }

    public URI authorizationUrl() {
        return authorizationUrl(Map.of());
    }

    /** A fresh authentication request; {@code extraParams} such as {@code acr_values}, {@code kc_idp_hint} or {@code scope}. */
    public URI authorizationUrl(Map<String, String> extraParams) {
        State state = new State();
        Pending request = new Pending(new Nonce(), new CodeVerifier());
        pending.put(state, request);
        Map<String, String> params = new java.util.LinkedHashMap<>(extraParams);
        String scope = params.remove("scope");
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(
                ResponseType.CODE, scope == null ? new Scope("openid") : Scope.parse(scope), clientId, redirectUri)
                .endpointURI(metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(request.nonce())
                .codeChallenge(request.verifier(), CodeChallengeMethod.S256);
        params.forEach(builder::customParameter);
        return builder.build().toURI();
    }

    /**
     * Checks the redirect (known state, issuer if sent), redeems the code with its PKCE verifier and
     * validates the ID token: signature against the realm JWKS, issuer, audience, expiry and nonce.
     */
    public Tokens exchange(String redirectedUrlWithCode) {
        try {
            AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(redirectedUrlWithCode));
            if (!response.indicatesSuccess()) {
                throw new IllegalStateException("Authentication error: "
                        + response.toErrorResponse().getErrorObject().toJSONObject());
            }
            AuthenticationSuccessResponse success = response.toSuccessResponse();
            Pending request = pending.remove(success.getState());
            if (request == null) {
                throw new IllegalStateException("Unknown state in " + redirectedUrlWithCode);
            }
            if (success.getIssuer() != null && !success.getIssuer().equals(issuer)) {
                throw new IllegalStateException("Redirect from issuer " + success.getIssuer() + ", expected " + issuer);
            }
            return redeem(success, request);
        } catch (ParseException e) {
            throw new IllegalStateException("Not an authentication response: " + redirectedUrlWithCode, e);
        }
    }

    /** The discovered provider metadata. */
    public OIDCProviderMetadata metadata() {
        if (metadata == null) {
            try {
                metadata = OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
                // the same timeouts as discovery: Nimbus's default of 500 ms fails on a busy machine
                validator = new IDTokenValidator(issuer, clientId, JWSAlgorithm.RS256,
                        metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS));
            } catch (GeneralException e) {
                throw new IllegalStateException("Bad OpenID provider metadata for " + issuer, e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot discover " + issuer, e);
            }
        }
        return metadata;
    }

    private Tokens redeem(AuthenticationSuccessResponse success, Pending request) {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(
                success.getAuthorizationCode(), redirectUri, request.verifier());
        URI tokenEndpoint = metadata().getTokenEndpointURI();
        TokenRequest tokenRequest = secret == null
                ? new TokenRequest(tokenEndpoint, clientId, grant)
                : new TokenRequest(tokenEndpoint, new ClientSecretBasic(clientId, secret), grant);
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new IllegalStateException("Token error: " + response.toErrorResponse().getErrorObject().toJSONObject());
            }
            OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
            IDTokenClaimsSet claims = validator.validate(tokens.getIDToken(), request.nonce());
            return new Tokens(tokens.getAccessToken().getValue(), tokens.getIDTokenString(), claims,
                    tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue());
        } catch (ParseException e) {
            throw new IllegalStateException("Bad token response from " + tokenEndpoint, e);
        } catch (BadJOSEException | JOSEException e) {
            throw new IllegalStateException("Invalid ID token from " + issuer, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + tokenEndpoint, e);
        }
    }
}
