package it.spidonly.keycloak.oidcfed.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.common.crypto.CryptoIntegration;

import it.spidonly.keycloak.oidcfed.logout.TokenRevocation;
import it.spidonly.keycloak.oidcfed.trust.ResolvedEntity;
import it.spidonly.keycloak.spid.level.SpidLevel;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.oidcfed.TestOp;
import it.spidonly.keycloak.testsupport.oidcfed.TestOpMisbehaviour;

/**
 * The login of SPID/CIE OIDC against the test OP, which checks what a real OP checks (request object, private_key_jwt,
 * PKCE, single-use codes): one baseline login, then one broken rule per case, each refused with its check id. The OP
 * is described as a resolved trust chain would describe it ({@link ResolvedEntity} from the OP's own metadata).
 */
class FederatedLoginTest {
    private static TestOp op;
    private static TestRelyingParty rp;
    private static OpMetadata metadata;
    private final OpHttp http = new JdkOpHttp();

    @BeforeAll
    static void start() throws Exception {
        CryptoIntegration.init(FederatedLoginTest.class.getClassLoader());
        op = TestOp.start("https://ta.example", TestUser.demoUsers());
        rp = new TestRelyingParty();
        op.registerRelyingParty(TestRelyingParty.CLIENT_ID, rp.jwksJson, List.of(TestRelyingParty.REDIRECT_URI));
        metadata = OpMetadata.of(new ResolvedEntity(op.entityId(), "https://ta.example", op.openIdProviderMetadata(),
                op.protocolJwksJson(), List.of(), Instant.now().plusSeconds(3600).getEpochSecond()));
    }

    @AfterAll
    static void stop() {
        op.close();
    }

    @AfterEach
    void behave() {
        op.behave();
    }

    /** A login up to the OP's redirect: the request and the redirect's parameters. */
    private record FrontChannel(AuthorizationRequest.Built request, Map<String, String> redirect) {
    }

    private FrontChannel frontChannel(Profile profile, SpidLevel level, String citizen) {
        AuthorizationRequest.Built built = AuthorizationRequest.build(rp.credentials, metadata, profile,
                TestRelyingParty.REDIRECT_URI, level, "keycloak-broker-state", "spid-oidc-op", Instant.now());
        String redirect = op.authorizeDirect(built.url().toString(), citizen);
        return new FrontChannel(built, query(redirect));
    }

    private VerifiedLogin backChannel(FrontChannel front) throws LoginRefused {
        TokenExpectations expected = new TokenExpectations(metadata.issuer(), TestRelyingParty.CLIENT_ID,
                front.request().pending().nonce(), front.request().pending().requestedLevel(), Instant.now(), TokenExpectations.DEFAULT_SKEW);
        return CodeExchange.run(http, rp.credentials, metadata, front.request().pending(), front.redirect().get("code"),
                TestRelyingParty.REDIRECT_URI, expected);
    }

    @Test
    void aSpidLoginGivesTheFiscalNumberTheLevelAndTheSpidAttributes() throws Exception {
        FrontChannel front = frontChannel(Profile.SPID, SpidLevel.L2, "mario.rossi");
        assertEquals(front.request().state(), front.redirect().get("state"), "the OP returns our state");
        assertEquals(op.entityId(), front.redirect().get("iss"));

        VerifiedLogin login = backChannel(front);

        assertEquals("RSSMRA80A01H501U", login.claims().fiscalNumber().orElseThrow());
        assertEquals(SpidLevel.L2, login.level());
        Map<String, String> attributes = login.claims().attributes();
        assertEquals("Mario", attributes.get("name"));
        assertEquals("Rossi", attributes.get("familyName"));
        assertEquals("1980-01-01", attributes.get("dateOfBirth"));
        assertEquals("H501", attributes.get("placeOfBirth"));
        assertEquals("TIDP0000000001", attributes.get("spidCode"));
    }

    @Test
    void theRequestObjectCarriesWhatTheRulesRequire() {
        FrontChannel front = frontChannel(Profile.SPID, SpidLevel.L3, "giulia.bianchi");
        Map<String, Object> request = op.requestObjects().get(op.requestObjects().size() - 1);

        assertEquals(TestRelyingParty.CLIENT_ID, request.get("iss"));
        assertEquals(TestRelyingParty.CLIENT_ID, request.get("client_id"));
        assertEquals(op.entityId(), request.get("aud"), "the OP's entity id (= its issuer)");
        assertEquals("https://www.spid.gov.it/SpidL3", request.get("acr_values"));
        assertEquals("consent login", request.get("prompt"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertTrue(((String) request.get("state")).matches("[A-Za-z0-9]{32,}"));
        assertTrue(((String) request.get("nonce")).matches("[A-Za-z0-9]{32,}"));
        assertTrue(request.get("claims").toString().contains(Claims.FISCAL_NUMBER));
        assertTrue(request.containsKey("jti") && request.containsKey("exp"));
        assertFalse(front.redirect().get("code").isBlank());
    }

    @Test
    void aCieLoginAsksForTheProfileAndEmailScopes() throws Exception {
        FrontChannel front = frontChannel(Profile.CIE, SpidLevel.L2, "giulia.bianchi");
        assertEquals("openid profile email", op.requestObjects().get(op.requestObjects().size() - 1).get("scope"));
        assertEquals("BNCGLI92L55F205A", backChannel(front).claims().fiscalNumber().orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
            "WRONG_ID_TOKEN_ISSUER, oidcfed.token.iss",
            "WRONG_ID_TOKEN_AUDIENCE, oidcfed.token.aud",
            "WRONG_NONCE, oidcfed.token.nonce",
            "LOWER_ACR, oidcfed.token.acr",
            "WRONG_AT_HASH, oidcfed.token.at-hash",
            "ID_TOKEN_UNKNOWN_KEY, oidcfed.token.signature",
            "UNENCRYPTED_USERINFO, oidcfed.userinfo.unencrypted",
            "UNSIGNED_USERINFO, oidcfed.userinfo.unsigned",
            "OVERLONG_GIVEN_NAME, oidcfed.userinfo.length"})
    void eachBrokenRuleIsRefusedWithItsCheck(TestOpMisbehaviour misbehaviour, String check) {
        FrontChannel front = frontChannel(Profile.SPID, SpidLevel.L2, "mario.rossi");
        op.misbehave(misbehaviour);

        LoginRefused refused = assertThrows(LoginRefused.class, () -> backChannel(front));

        assertEquals(check, refused.check());
    }

    @Test
    void aReplayedCodeIsRefusedByTheOp() throws Exception {
        FrontChannel front = frontChannel(Profile.SPID, SpidLevel.L2, "mario.rossi");
        backChannel(front);

        LoginRefused refused = assertThrows(LoginRefused.class, () -> backChannel(front));

        assertEquals(LoginChecks.TOKEN_REQUEST, refused.check());
        assertTrue(op.refusals().stream().anyMatch(r -> r.startsWith("invalid_grant")), () -> op.refusals().toString());
    }

    @Test
    void logoutRevokesTheAccessTokenAtTheOp() throws Exception {
        VerifiedLogin login = backChannel(frontChannel(Profile.SPID, SpidLevel.L2, "mario.rossi"));

        int status = TokenRevocation.revoke(http, rp.credentials, metadata, login.accessToken(), Instant.now());

        assertEquals(200, status);
        assertTrue(op.revokedTokens().contains(login.accessToken()));
    }

    @Test
    void theOpRefusesARequestObjectSignedByAnotherKey() throws Exception {
        TestRelyingParty stranger = new TestRelyingParty();
        RpCredentials forged = new RpCredentials(TestRelyingParty.CLIENT_ID, stranger.credentials.signingKey(),
                stranger.credentials.decryptionKeys());
        AuthorizationRequest.Built built = AuthorizationRequest.build(forged, metadata, Profile.SPID,
                TestRelyingParty.REDIRECT_URI, SpidLevel.L2, "s", "spid-oidc-op", Instant.now());

        assertThrows(RuntimeException.class, () -> op.authorizeDirect(built.url().toString(), "mario.rossi"));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
