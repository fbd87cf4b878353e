package it.spidonly.keycloak.it.cie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.CieResponseCatalogue;
import it.spidonly.keycloak.testsupport.idp.ExpectedOutcome;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.idp.ResponseCase;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Every case of the CIE response catalogue through the real Keycloak: accepted ones reach the app with a code;
 * refused ones answer 400 with no session, no code and a login error event naming the rule; CIE error codes end on
 * the 403 error page with their own text (1, 21, 22, 23, 25) in Italian and English. Refusals use Mario Rossi, who never logs in
 * here, so they must leave no user behind; acceptances use Giulia Bianchi.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CieResponseCatalogueIT {
    private static final TestUser REFUSED = cieUser("mario.rossi");
    private static final TestUser ACCEPTED = cieUser("giulia.bianchi");
    private CieRealm realm;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        realm = CieRealm.complete(keycloak, "cie-catalogue");
    }

    @AfterAll
    void close() {
        if (realm != null) {
            realm.close();
        }
    }

    static TestUser cieUser(String username) {
        return TestUser.cieDemoUsers().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    static List<ResponseCase> catalogue() {
        return CieResponseCatalogue.cases(SigningCredential.demo());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyCieCatalogueCaseGetsItsOutcomeFromKeycloak(ResponseCase c) {
        CieCitizen citizen = new CieCitizen(realm);
        citizen.startAt(CieRealm.CIE_ALIAS, Map.of("scope", "openid"));
        ReceivedAuthnRequest request = citizen.lastCieRequest();
        boolean acceptable = c.expected().kind() == ExpectedOutcome.Kind.ACCEPTED || c.scenario() == ResponseCase.Scenario.REPLAY;
        String samlResponse = c.rewriteBase64(realm.realm.idp.buildCieSamlResponse(request, acceptable ? ACCEPTED : REFUSED, c.mutationArray()));
        String relayState = c.scenario() == ResponseCase.Scenario.UNSOLICITED ? "" : request.relayState();
        if (c.scenario() == ResponseCase.Scenario.REPLAY) {
            assertAccepted(c.name() + " (first time)", citizen.postToAcs(samlResponse, relayState));
        }
        int sessionsBefore = activeSessions();
        long since = System.currentTimeMillis() - 1000;

        Page answer = citizen.postToAcs(samlResponse, relayState);

        switch (c.expected().kind()) {
            case ACCEPTED -> assertAccepted(c.name(), answer);
            case REFUSED -> {
                assertEquals(400, answer.status(), () -> c.name() + ": " + answer + "\n" + answer.body());
                assertNoLogin(c.name(), answer, sessionsBefore);
                JsonNode event = loginError(c.expected().key(), since);
                assertNotNull(event, () -> c.name() + ": no LOGIN_ERROR event with reason " + c.expected().key());
            }
            case IDP_ERROR -> {
                // the browser follows the 303 to /spid/login-error
                assertEquals(403, answer.status(), () -> c.name() + ": " + answer + "\n" + answer.body());
                assertTrue(answer.url().contains("/spid/login-error"), answer.url());
                assertEquals(c.expected().key(), answer.element("#spid-error").attr("data-spid-error"), c.name());
                assertNoLogin(c.name(), answer, sessionsBefore);
                assertNotNull(loginError(c.expected().key(), since), () -> c.name() + ": no LOGIN_ERROR event with reason " + c.expected().key());
            }
            default -> throw new IllegalStateException(c.expected().toString());
        }
        if (c.expected().kind() != ExpectedOutcome.Kind.ACCEPTED) {
            assertNull(realm.admin().findUserByUsername(realm.name(), "rssmra80a01h501u"), c.name() + ": no user may be created");
        }
    }

    /** The pages the Ministry asks to see before production (codes 1, 21, 22, 25; and 23) in Italian and English. */
    @Test
    void cieErrorPagesSpeakPlainItalianAndEnglish() {
        Map<String, List<String>> texts = Map.of(
                "1", List.of("senza i tuoi dati", "without your data"),
                "21", List.of("troppo tempo", "took too long"),
                "22", List.of("Non hai consentito", "did not allow"),
                "23", List.of("scaduta o revocata", "expired or revoked"),
                "25", List.of("Hai annullato", "You cancelled"));
        texts.forEach((code, words) -> {
            CieCitizen citizen = new CieCitizen(realm);
            citizen.startAt(CieRealm.CIE_ALIAS, Map.of("scope", "openid"));
            ReceivedAuthnRequest request = citizen.lastCieRequest();
            Page answer = citizen.postToAcs(realm.realm.idp.buildCieSamlResponse(request, null,
                    it.spidonly.keycloak.testsupport.idp.ResponseMutations.statusError(code)), request.relayState());
            assertEquals(403, answer.status());
            List<String> languages = List.of("it", "en");
            for (int i = 0; i < 2; i++) {
                // the theme's language selector adds kc_locale to the error page's URL
                Page page = citizen.browser.get(answer.url() + "&kc_locale=" + languages.get(i));
                assertEquals(403, page.status());
                String text = page.element("#spid-error").text();
                String expected = words.get(i);
                assertTrue(text.contains(expected), () -> code + " (" + expected + "): " + text);
                String title = page.element("#spid-error-title").text();
                assertTrue(title.contains("CIE"), () -> code + ": " + title);
            }
        });
    }

    /**
     * "Back to the application" from the CIE error page: the app gets {@code access_denied} and a description that
     * names CIE, also for a code without a page of its own (14: a requester error).
     */
    @Test
    void backToTheAppTheDescriptionNamesCie() {
        Map<String, String> descriptions = Map.of("25", "error_description=CIE+ErrorCode+nr25", "14", "error_description=CIE+authentication+failed");
        descriptions.forEach((code, expected) -> {
            CieCitizen citizen = new CieCitizen(realm);
            citizen.startAt(CieRealm.CIE_ALIAS, Map.of("scope", "openid"));
            ReceivedAuthnRequest request = citizen.lastCieRequest();
            Page errorPage = citizen.postToAcs(realm.realm.idp.buildCieSamlResponse(request, null,
                    it.spidonly.keycloak.testsupport.idp.ResponseMutations.statusError(code)), request.relayState());
            assertEquals(403, errorPage.status(), code);
            Page back = citizen.browser.get(errorPage.element("#spid-error-back").absUrl("href"));
            assertTrue(back.isRedirect() && back.location().startsWith(AdminGuideRealm.REDIRECT_URI), () -> code + ": " + back);
            assertTrue(back.location().contains("error=access_denied") && back.location().contains(expected),
                    () -> code + ": " + back.location());
        });
    }

    private int activeSessions() {
        int total = 0;
        for (JsonNode client : realm.admin().get("/" + realm.name() + "/client-session-stats")) {
            total += client.path("active").asInt();
        }
        return total;
    }

    private JsonNode loginError(String reason, long since) {
        for (JsonNode event : realm.admin().get("/" + realm.name() + "/events?type=LOGIN_ERROR&max=200")) {
            if (event.path("time").asLong() >= since && reason.equals(event.path("details").path("reason").asText())) {
                return event;
            }
        }
        return null;
    }

    private void assertNoLogin(String what, Page answer, int sessionsBefore) {
        assertFalse(answer.isRedirect() && answer.location().startsWith(AdminGuideRealm.REDIRECT_URI), () -> what + ": " + answer);
        assertEquals(sessionsBefore, activeSessions(), () -> what + ": a user session was created");
    }

    private static void assertAccepted(String what, Page answer) {
        assertTrue(answer.isRedirect() && answer.location().startsWith(AdminGuideRealm.REDIRECT_URI)
                && answer.location().contains("code="), () -> what + ": " + answer + "\n" + answer.body());
    }
}
