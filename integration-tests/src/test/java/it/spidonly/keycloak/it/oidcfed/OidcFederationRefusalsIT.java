package it.spidonly.keycloak.it.oidcfed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.oidcfed.TestOp;
import it.spidonly.keycloak.testsupport.oidcfed.TestOpMisbehaviour;
import it.spidonly.keycloak.testsupport.oidcfed.TestTrustAnchorBreakage;

/**
 * Each refusal of issue 20 item 6 on the real Keycloak: the citizen gets the error page (HTTP 400, the check's message
 * in the citizen's language, Italian here) and the realm a {@code LOGIN_ERROR} event whose reason names the check;
 * no account is made.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcFederationRefusalsIT {
    private FederationRealm fed;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fed = FederationRealm.create(keycloak, "oidcfedrefusals", "spid-oidc");
    }

    @AfterAll
    void close() {
        if (fed != null) {
            fed.close();
        }
    }

    @AfterEach
    void behave() {
        fed.op.behave();
    }

    @ParameterizedTest
    @CsvSource({
            "WRONG_ID_TOKEN_ISSUER, oidcfed.token.iss, emesso da un altro gestore",
            "WRONG_ID_TOKEN_AUDIENCE, oidcfed.token.aud, emesso per un altro servizio",
            "WRONG_NONCE, oidcfed.token.nonce, nonce errato",
            "WRONG_AT_HASH, oidcfed.token.at-hash, (at_hash)",
            "ID_TOKEN_UNKNOWN_KEY, oidcfed.token.signature, La firma dell",
            "UNENCRYPTED_USERINFO, oidcfed.userinfo.unencrypted, non cifrati",
            "WRONG_RESPONSE_ISSUER, oidcfed.op.iss, non e' quello a cui"})
    void aMisbehavingOpIsRefusedWithThePageAndAnEventNamingTheCheck(TestOpMisbehaviour misbehaviour, String check, String text) {
        fed.op.misbehave(misbehaviour);
        long before = fed.loginErrors(check);

        Page page = new FederationCitizen(fed).login(fed.alias(), "francesca.esposito", Map.of("scope", "openid"));

        assertRefused(page, check, text, before);
        assertNull(fed.realm.user("spsfnc75c62f839w"), "no account");
    }

    @Test
    void aReplayedAnswerOfTheOpIsRefused() {
        FederationCitizen citizen = new FederationCitizen(fed);
        citizen.loginToApp(fed.alias(), "mario.rossi", Map.of("scope", "openid"));
        String answer = citizen.browser.history().stream().filter(u -> u.contains("/broker/" + fed.alias() + "/endpoint"))
                .findFirst().orElseThrow(() -> new AssertionError(citizen.browser.history().toString()));
        long before = fed.loginErrors("oidcfed.op.state");

        Page replay = new HttpBrowser().header("Accept-Language", "it").get(answer);

        assertRefused(replay, "oidcfed.op.state", "gia' usata", before);
    }

    @Test
    void anOpWithoutTrustMarkIsRefused() {
        chainRefusal(op -> op.misbehave(TestOpMisbehaviour.MISSING_TRUST_MARK), "oidcfed.chain.trust-mark-missing");
    }

    @Test
    void anOpWhoseEntityConfigurationExpiredIsRefused() {
        chainRefusal(op -> op.misbehave(TestOpMisbehaviour.EXPIRED_STATEMENT), "oidcfed.chain.expired");
    }

    @Test
    void anOpWhoseTrustAnchorStatementHasABadSignatureIsRefused() {
        chainRefusal(op -> fed.trustAnchor.breakStatement(op.entityId(), TestTrustAnchorBreakage.BAD_SIGNATURE), "oidcfed.chain.signature");
    }

    /**
     * An OP enrolled at the trust anchor but broken from the start (the chain of the working OP is cached until it
     * expires), added by the admin as the guide shows (provider {@code spid-oidc}, its entity id): the login is refused
     * before anything is sent to it.
     */
    private void chainRefusal(java.util.function.Consumer<TestOp> breakIt, String check) {
        try (TestOp broken = TestOp.start(fed.trustAnchor.entityId(), TestUser.demoUsers())) {
            broken.enrolAt(fed.trustAnchor);
            breakIt.accept(broken);
            String alias = fed.alias(broken);
            fed.realm.admin().post("/" + fed.name() + "/identity-provider/instances", Map.of("alias", alias,
                    "providerId", "spid-oidc", "enabled", true, "config", Map.of("opEntityId", broken.entityId(),
                            "trustAnchor", fed.trustAnchor.entityId())));
            long before = fed.loginErrors(check);

            Page page = new FederationCitizen(fed).toOp(alias, Map.of("scope", "openid"));

            assertRefused(page, check, "OIDC Federation:", before);
            assertEquals(List.of(), broken.requestObjects(), "nothing sent to an OP without a valid chain");
        }
    }

    private void assertRefused(Page page, String check, String text, long eventsBefore) {
        assertEquals(400, page.status(), () -> page + "\n" + page.body());
        if (text != null) {
            assertTrue(page.body().replace("&#39;", "'").replace("&apos;", "'").replace("&#x27;", "'").contains(text), () -> "the message of " + check + ":\n" + page.body());
        }
        assertEquals(eventsBefore + 1, fed.loginErrors(check), () -> "one LOGIN_ERROR event with reason " + check);
    }
}
