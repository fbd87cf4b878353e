package it.spidonly.keycloak.testsupport.oidcfed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import it.spidonly.keycloak.testsupport.idp.TestUser;

/**
 * A SPID/CIE-like OpenID Provider of the OIDC federation, for tests and the demo: entity configuration (authority hint
 * to a test trust anchor, trust marks it was given), authorization (GET with a request object by value, verified with
 * the RP's keys from its entity configuration: iss/client_id, aud (entity id, string or list), redirect_uri, state and
 * nonce of at least 32 characters, PKCE S256, exp), a login form, token ({@code private_key_jwt} with {@code aud} =
 * the token endpoint, single-use {@code jti}, single-use codes, PKCE), userinfo (JWS then JWE RSA-OAEP/A256CBC-HS512 to
 * the RP's {@code enc} key, only the claims asked for), revocation (RFC 7009), JWKS. {@link #misbehave} breaks one
 * rule at a time. State lives in this test server's memory (it is not Keycloak).
 */
public final class TestOp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PENDING_FORM = "pending";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String entityId;
    private final String trustAnchor;
    private final TestOpKeys keys = new TestOpKeys();
    private final Map<String, TestUser> users = new LinkedHashMap<>();
    private final Map<String, TestOpRelyingParty> registered = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> pendingLogins = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> seenAssertions = ConcurrentHashMap.newKeySet();
    private final Set<String> seenNonces = ConcurrentHashMap.newKeySet();
    private final List<String> revoked = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> requestObjects = new CopyOnWriteArrayList<>();
    private final Set<TestOpMisbehaviour> misbehaviours = Collections.synchronizedSet(EnumSet.noneOf(TestOpMisbehaviour.class));
    private volatile List<Map<String, Object>> trustMarks = List.of();
    private volatile String organizationName = "Test OP";

    private TestOp(String trustAnchor, List<TestUser> citizens) throws IOException {
        this.trustAnchor = trustAnchor;
        citizens.forEach(u -> users.put(u.username(), u));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        entityId = "http://127.0.0.1:" + server.getAddress().getPort() + "/op";
        handle("/op/.well-known/openid-federation", ex -> send(ex, 200, "application/entity-statement+jwt", entityConfiguration()));
        handle("/op/authorization/login", this::login);
        handle("/op/authorization", ex -> authorizationPage(ex, ex.getRequestURI().getRawQuery()));
        handle("/op/token", this::token);
        handle("/op/userinfo", this::userinfo);
        handle("/op/revocation", this::revocation);
        handle("/op/jwks", ex -> send(ex, 200, "application/json", keys.protocolPublic().toString()));
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-op");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts an OP on 127.0.0.1 (free port) whose authority hint is {@code trustAnchor}, with these citizens. */
    public static TestOp start(String trustAnchor, List<TestUser> citizens) {
        try {
            return new TestOp(trustAnchor, citizens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String entityId() {
        return entityId;
    }

    public String authorizationEndpoint() {
        return entityId + "/authorization";
    }

    public String tokenEndpoint() {
        return entityId + "/token";
    }

    public String userinfoEndpoint() {
        return entityId + "/userinfo";
    }

    public String revocationEndpoint() {
        return entityId + "/revocation";
    }

    /** The federation public keys (JWKS JSON) a trust anchor enrols. */
    public String federationJwksJson() {
        return keys.federationPublic().toString();
    }

    /** The protocol public keys (JWKS JSON) of {@code openid_provider.jwks}. */
    public String protocolJwksJson() {
        return keys.protocolPublic().toString();
    }

    /** The {@code openid_provider} metadata this OP publishes (what a resolved chain gives, with no policy). */
    public Map<String, Object> openIdProviderMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", entityId);
        m.put("authorization_endpoint", authorizationEndpoint());
        m.put("token_endpoint", tokenEndpoint());
        m.put("userinfo_endpoint", userinfoEndpoint());
        m.put("revocation_endpoint", revocationEndpoint());
        m.put("jwks", keys.protocolPublic().toJSONObject());
        m.put("client_registration_types_supported", List.of("automatic"));
        m.put("response_types_supported", List.of("code"));
        m.put("scopes_supported", List.of("openid", "offline_access", "profile", "email"));
        m.put("subject_types_supported", List.of("pairwise"));
        m.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        m.put("code_challenge_methods_supported", List.of("S256"));
        m.put("request_parameter_supported", true);
        m.put("request_object_signing_alg_values_supported", List.of("RS256", "RS512"));
        m.put("id_token_signing_alg_values_supported", List.of("RS256", "RS512"));
        m.put("userinfo_signing_alg_values_supported", List.of("RS256", "RS512"));
        m.put("userinfo_encryption_alg_values_supported", List.of("RSA-OAEP", "RSA-OAEP-256"));
        m.put("userinfo_encryption_enc_values_supported", List.of("A128CBC-HS256", "A256CBC-HS512"));
        m.put("acr_values_supported", List.of("https://www.spid.gov.it/SpidL1", "https://www.spid.gov.it/SpidL2",
                "https://www.spid.gov.it/SpidL3"));
        m.put("claims_parameter_supported", true);
        m.put("authorization_response_iss_parameter_supported", true);
        return m;
    }

    /** The trust marks (entries {@code {id, trust_mark_type, trust_mark}}) the trust anchor issued to this OP. */
    public void trustMarks(List<Map<String, Object>> marks) {
        trustMarks = List.copyOf(marks);
    }

    /**
     * Enrols this OP at {@code trustAnchor} as an {@code openid_provider} with the anchor's trust mark for OPs, and
     * publishes that mark in the entity configuration ({@code id} and {@code trust_mark_type}: both generations).
     */
    public void enrolAt(TestTrustAnchor trustAnchor) {
        String id = trustAnchor.trustMarkId("openid_provider");
        List<String> marks = trustAnchor.enrol(entityId, federationJwksJson(), "openid_provider", List.of(id));
        trustMarks(marks.stream().map(mark -> Map.<String, Object>of("id", id, "trust_mark_type", id, "trust_mark", mark)).toList());
    }

    public void organizationName(String name) {
        organizationName = name;
    }

    /** Breaks these rules from now on ({@link #behave} restores the OP). */
    public void misbehave(TestOpMisbehaviour... ways) {
        misbehaviours.addAll(List.of(ways));
    }

    public void behave() {
        misbehaviours.clear();
    }

    /** Registers an RP's protocol keys and redirect URIs directly (unit tests without an entity configuration). */
    public void registerRelyingParty(String clientId, String jwksJson, List<String> redirectUris) {
        try {
            registered.put(clientId, new TestOpRelyingParty(clientId, com.nimbusds.jose.jwk.JWKSet.parse(jwksJson), List.copyOf(redirectUris)));
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Access tokens revoked at the revocation endpoint, oldest first. */
    public List<String> revokedTokens() {
        return List.copyOf(revoked);
    }

    /** What the OP refused so far ({@code error: description}), oldest first. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** The verified request objects' claims, oldest first. */
    public List<Map<String, Object>> requestObjects() {
        return List.copyOf(requestObjects);
    }

    /**
     * The whole front channel without a browser: checks the authorization URL as the endpoint does, logs
     * {@code username} in and returns the redirect to the RP ({@code code}, {@code state}, {@code iss}).
     */
    public String authorizeDirect(String authorizationUrl, String username) {
        String pending = checkAuthorizationRequest(URI.create(authorizationUrl).getRawQuery());
        return completeLogin(pending, username);
    }

    // ---- entity configuration

    private String entityConfiguration() {
        Instant now = Instant.now();
        Instant exp = misbehaviours.contains(TestOpMisbehaviour.EXPIRED_STATEMENT) ? now.minusSeconds(3600) : now.plusSeconds(86400);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("openid_provider", openIdProviderMetadata());
        metadata.put("federation_entity", Map.of("organization_name", organizationName, "homepage_uri", entityId,
                "contacts", List.of("ops@test-op.example"), "federation_resolve_endpoint", entityId + "/resolve"));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(entityId).subject(entityId)
                .issueTime(Date.from(now.minusSeconds(exp.isBefore(now) ? 7200 : 0))).expirationTime(Date.from(exp))
                .claim("jwks", keys.federationPublic().toJSONObject())
                .claim("authority_hints", List.of(trustAnchor))
                .claim("metadata", metadata);
        if (!misbehaviours.contains(TestOpMisbehaviour.MISSING_TRUST_MARK)) {
            claims.claim("trust_marks", trustMarks);
        }
        return sign(keys.federation, new JOSEObjectType("entity-statement+jwt"), claims.build());
    }

    // ---- authorization

    private void authorizationPage(HttpExchange ex, String query) throws IOException {
        String pending;
        try {
            pending = checkAuthorizationRequest(query);
        } catch (TestOpRefusal e) {
            refusals.add(e.error + ": " + e.getMessage());
            send(ex, 400, "text/html; charset=utf-8", "<!doctype html><title>Test OP</title><h1>" + e.error + "</h1><p>"
                    + escape(e.getMessage()) + "</p>");
            return;
        }
        String page = "<!doctype html><html><head><title>Test OP login</title></head><body><h1>Test OP</h1>"
                + "<form method=\"post\" action=\"" + entityId + "/authorization/login\">"
                + "<input type=\"hidden\" name=\"" + PENDING_FORM + "\" value=\"" + pending + "\">"
                + "<label>Username <input name=\"username\"></label><label>Password <input name=\"password\" type=\"password\"></label>"
                + "<button type=\"submit\">Login</button></form></body></html>";
        send(ex, 200, "text/html; charset=utf-8", page);
    }

    /** The checks of the reference OP on a GET authorization request; the pending login's id. */
    private String checkAuthorizationRequest(String rawQuery) {
        Map<String, String> q = form(rawQuery);
        String request = q.get("request");
        if (request == null) {
            throw new TestOpRefusal("invalid_request", "request object missing");
        }
        String clientId = q.get("client_id");
        if (clientId == null || !"code".equals(q.get("response_type")) || q.get("scope") == null || !q.get("scope").contains("openid")) {
            throw new TestOpRefusal("invalid_request", "client_id, response_type=code and scope openid are required in the query");
        }
        TestOpRelyingParty rp = relyingParty(clientId);
        Map<String, Object> claims;
        try {
            SignedJWT jwt = SignedJWT.parse(request);
            if (!jwt.verify(new RSASSAVerifier(rp.signingKey(jwt.getHeader().getKeyID())))) {
                throw new TestOpRefusal("invalid_request_object", "request object signature");
            }
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            // Jackson, not Nimbus, for the payload: the claims parameter names claims with null values (OIDC Core 5.5)
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = JSON.readValue(jwt.getPayload().toString(), Map.class);
            claims = raw;
            if (!clientId.equals(set.getIssuer()) || !clientId.equals(set.getStringClaim("client_id"))) {
                throw new TestOpRefusal("invalid_request_object", "iss/client_id");
            }
            if (set.getAudience() == null || !set.getAudience().contains(entityId)) {
                throw new TestOpRefusal("invalid_request_object", "aud");
            }
            if (set.getExpirationTime() == null || set.getExpirationTime().before(new Date())) {
                throw new TestOpRefusal("invalid_request_object", "exp");
            }
            String redirect = set.getStringClaim("redirect_uri");
            if (redirect == null || !rp.redirectUris().contains(redirect)) {
                throw new TestOpRefusal("invalid_request_object", "redirect_uri not registered: " + redirect);
            }
            String state = set.getStringClaim("state");
            String nonce = set.getStringClaim("nonce");
            if (state == null || state.length() < 32 || nonce == null || nonce.length() < 32) {
                throw new TestOpRefusal("invalid_request_object", "state and nonce need at least 32 characters");
            }
            if (!"S256".equals(set.getStringClaim("code_challenge_method")) || set.getStringClaim("code_challenge") == null
                    || !set.getStringClaim("code_challenge").equals(q.get("code_challenge"))) {
                throw new TestOpRefusal("invalid_request_object", "PKCE S256");
            }
            String prompt = set.getStringClaim("prompt");
            if (!"consent".equals(prompt) && !"consent login".equals(prompt)) {
                throw new TestOpRefusal("invalid_request_object", "prompt");
            }
            if (!seenNonces.add(clientId + " " + nonce)) {
                throw new TestOpRefusal("invalid_request_object", "nonce reused");
            }
        } catch (TestOpRefusal e) {
            throw e;
        } catch (Exception e) {
            throw new TestOpRefusal("invalid_request_object", "request object: " + e);
        }
        requestObjects.add(claims);
        String pending = UUID.randomUUID().toString();
        pendingLogins.put(pending, claims);
        return pending;
    }

    private void login(HttpExchange ex) throws IOException {
        Map<String, String> f = form(readBody(ex));
        TestUser user = users.get(f.get("username"));
        if (user == null || !user.password().equals(f.get("password"))) {
            send(ex, 401, "text/html; charset=utf-8", "<!doctype html><title>Test OP</title><p>Wrong credentials</p>");
            return;
        }
        try {
            String location = completeLogin(f.get(PENDING_FORM), user.username());
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(302, -1);
            ex.close();
        } catch (TestOpRefusal e) {
            send(ex, 400, "text/html; charset=utf-8", "<!doctype html><title>Test OP</title><p>" + escape(e.getMessage()) + "</p>");
        }
    }

    private String completeLogin(String pending, String username) {
        Map<String, Object> request = pending == null ? null : pendingLogins.remove(pending);
        if (request == null || !users.containsKey(username)) {
            throw new TestOpRefusal("invalid_request", "no such pending login or citizen");
        }
        String code = UUID.randomUUID().toString();
        Map<String, Object> grant = new LinkedHashMap<>(request);
        grant.put("username", username);
        codes.put(code, grant);
        String iss = misbehaviours.contains(TestOpMisbehaviour.WRONG_RESPONSE_ISSUER) ? "https://other-op.example" : entityId;
        return request.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(String.valueOf(request.get("state")))
                + "&iss=" + enc(iss);
    }

    // ---- token

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = form(readBody(ex));
        try {
            TestOpRelyingParty rp = authenticate(f, tokenEndpoint());
            if (!"authorization_code".equals(f.get("grant_type"))) {
                throw new TestOpRefusal("unsupported_grant_type", "grant_type");
            }
            Map<String, Object> grant = f.get("code") == null ? null : codes.remove(f.get("code"));
            if (grant == null) {
                throw new TestOpRefusal("invalid_grant", "unknown or already used code");
            }
            if (!rp.clientId().equals(grant.get("client_id")) || !String.valueOf(grant.get("redirect_uri")).equals(f.get("redirect_uri"))) {
                throw new TestOpRefusal("invalid_grant", "client_id or redirect_uri differ from the authorization request");
            }
            String verifier = f.get("code_verifier");
            String challenge = verifier == null ? null : Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            if (challenge == null || !challenge.equals(grant.get("code_challenge"))) {
                throw new TestOpRefusal("invalid_grant", "PKCE verifier");
            }
            sendJson(ex, 200, tokens(rp, grant));
        } catch (TestOpRefusal e) {
            refusals.add(e.error + ": " + e.getMessage());
            sendJson(ex, "invalid_client".equals(e.error) ? 401 : 400, Map.of("error", e.error, "error_description", e.getMessage()));
        } catch (Exception e) {
            sendJson(ex, 500, Map.of("error", "server_error", "error_description", e.toString()));
        }
    }

    private Map<String, Object> tokens(TestOpRelyingParty rp, Map<String, Object> grant) {
        Instant now = Instant.now();
        String username = (String) grant.get("username");
        String sub = pairwise(rp.clientId(), username);
        String accessToken = sign(keys.protocol, new JOSEObjectType("at+jwt"), new JWTClaimsSet.Builder().issuer(entityId)
                .subject(sub).audience(List.of(rp.clientId(), userinfoEndpoint())).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(1980))).jwtID(UUID.randomUUID().toString()).build());
        Map<String, Object> session = new LinkedHashMap<>(grant);
        session.put("sub", sub);
        accessTokens.put(accessToken, session);
        String acr = misbehaviours.contains(TestOpMisbehaviour.LOWER_ACR) ? "https://www.spid.gov.it/SpidL1"
                : lastAcr(String.valueOf(grant.get("acr_values")));
        JWTClaimsSet idToken = new JWTClaimsSet.Builder()
                .issuer(misbehaviours.contains(TestOpMisbehaviour.WRONG_ID_TOKEN_ISSUER) ? "https://other-op.example" : entityId)
                .subject(sub)
                .audience(misbehaviours.contains(TestOpMisbehaviour.WRONG_ID_TOKEN_AUDIENCE) ? "https://other-rp.example" : rp.clientId())
                .claim("nonce", misbehaviours.contains(TestOpMisbehaviour.WRONG_NONCE) ? "x".repeat(43) : grant.get("nonce"))
                .claim("acr", acr)
                .claim("at_hash", atHash(misbehaviours.contains(TestOpMisbehaviour.WRONG_AT_HASH) ? accessToken + "x" : accessToken))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(1980)))
                .jwtID(UUID.randomUUID().toString()).build();
        RSAKey signer = misbehaviours.contains(TestOpMisbehaviour.ID_TOKEN_UNKNOWN_KEY) ? keys.stray : keys.protocol;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 1980);
        answer.put("id_token", sign(signer, JOSEObjectType.JWT, idToken));
        return answer;
    }

    // ---- userinfo

    private void userinfo(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> session = auth == null || !auth.startsWith("Bearer ") ? null : accessTokens.get(auth.substring(7));
        if (session == null || revoked.contains(auth.substring(7))) {
            sendJson(ex, 401, Map.of("error", "invalid_token"));
            return;
        }
        try {
            TestOpRelyingParty rp = relyingParty(String.valueOf(session.get("client_id")));
            Map<String, Object> all = TestOpClaims.of(users.get((String) session.get("username")));
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject((String) session.get("sub")).issuer(entityId)
                    .audience(rp.clientId()).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
            requestedUserinfoClaims(session).forEach(name -> {
                if (all.containsKey(name)) {
                    claims.claim(name, all.get(name));
                }
            });
            if (misbehaviours.contains(TestOpMisbehaviour.OVERLONG_GIVEN_NAME)) {
                claims.claim("given_name", "G".repeat(256));
            }
            JWTClaimsSet set = claims.build();
            String signed = sign(keys.protocol, JOSEObjectType.JWT, set);
            if (misbehaviours.contains(TestOpMisbehaviour.UNENCRYPTED_USERINFO)) {
                send(ex, 200, "application/jwt", signed);
                return;
            }
            Payload payload = misbehaviours.contains(TestOpMisbehaviour.UNSIGNED_USERINFO)
                    ? new Payload(set.toJSONObject()) : new Payload(signed);
            RSAKey enc = rp.encryptionKey();
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256CBC_HS512)
                    .keyID(enc.getKeyID()).contentType("JWT").build(), payload);
            jwe.encrypt(new RSAEncrypter(enc));
            send(ex, 200, "application/jwt", jwe.serialize());
        } catch (TestOpRefusal e) {
            sendJson(ex, 400, Map.of("error", e.error, "error_description", e.getMessage()));
        } catch (Exception e) {
            sendJson(ex, 500, Map.of("error", "server_error", "error_description", e.toString()));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> requestedUserinfoClaims(Map<String, Object> request) {
        Object claims = request.get("claims");
        if (claims instanceof Map<?, ?> map && map.get("userinfo") instanceof Map<?, ?> userinfo) {
            return new ArrayList<>(((Map<String, Object>) userinfo).keySet());
        }
        return List.of();
    }

    // ---- revocation

    private void revocation(HttpExchange ex) throws IOException {
        Map<String, String> f = form(readBody(ex));
        try {
            authenticate(f, revocationEndpoint());
            if (f.get("token") == null) {
                throw new TestOpRefusal("invalid_request", "token");
            }
            revoked.add(f.get("token"));
            send(ex, 200, "application/json", "{}");
        } catch (TestOpRefusal e) {
            refusals.add(e.error + ": " + e.getMessage());
            sendJson(ex, "invalid_client".equals(e.error) ? 401 : 400, Map.of("error", e.error, "error_description", e.getMessage()));
        }
    }

    /** {@code private_key_jwt}: signature with the RP's key, iss = sub = client_id, aud = this endpoint, exp, jti once. */
    private TestOpRelyingParty authenticate(Map<String, String> f, String endpoint) {
        String clientId = f.get("client_id");
        if (clientId == null || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(f.get("client_assertion_type"))
                || f.get("client_assertion") == null) {
            throw new TestOpRefusal("invalid_client", "private_key_jwt required");
        }
        TestOpRelyingParty rp = relyingParty(clientId);
        try {
            SignedJWT jwt = SignedJWT.parse(f.get("client_assertion"));
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (!jwt.verify(new RSASSAVerifier(rp.signingKey(jwt.getHeader().getKeyID())))
                    || !clientId.equals(c.getIssuer()) || !clientId.equals(c.getSubject())
                    || c.getAudience() == null || !c.getAudience().contains(endpoint)
                    || c.getExpirationTime() == null || c.getExpirationTime().before(new Date())
                    || c.getJWTID() == null || !seenAssertions.add(c.getJWTID())) {
                throw new TestOpRefusal("invalid_client", "client assertion refused");
            }
        } catch (TestOpRefusal e) {
            throw e;
        } catch (Exception e) {
            throw new TestOpRefusal("invalid_client", "client assertion: " + e);
        }
        return rp;
    }

    private TestOpRelyingParty relyingParty(String clientId) {
        TestOpRelyingParty rp = registered.get(clientId);
        return rp != null ? rp : TestOpRelyingParty.fetch(clientId);
    }

    // ---- helpers

    private static String lastAcr(String acrValues) {
        String[] values = acrValues == null || acrValues.isBlank() || "null".equals(acrValues)
                ? new String[] {"https://www.spid.gov.it/SpidL2"} : acrValues.trim().split("\\s+");
        return values[values.length - 1];
    }

    private static String pairwise(String clientId, String username) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((clientId + "|" + username).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey key, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(String path, Handler handler) {
        server.createContext(path, ex -> {
            try {
                if (!ex.getRequestURI().getPath().equals(path)) {
                    send(ex, 404, "text/plain", "not found");
                    return;
                }
                handler.handle(ex);
            } catch (RuntimeException e) {
                send(ex, 500, "text/plain", e.toString());
            } finally {
                ex.close();
            }
        });
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
