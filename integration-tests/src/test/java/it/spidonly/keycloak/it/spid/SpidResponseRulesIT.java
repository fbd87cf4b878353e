package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.spid.sp.Problem;
import it.spidonly.keycloak.spid.sp.SpidMessages;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ExpectedOutcome;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.idp.ResponseCase;
import it.spidonly.keycloak.testsupport.idp.ResponseCatalogue;
import it.spidonly.keycloak.testsupport.idp.ResponseMutation;
import it.spidonly.keycloak.testsupport.idp.ResponseMutations;
import it.spidonly.keycloak.testsupport.idp.SamlDom;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Every case of the test IdP's response catalogue through the real Keycloak: accepted ones reach the app with a
 * code; refused ones answer 400 with no session, no code and a login error event naming the rule; SPID error
 * statuses end on the 403 SPID error page. Refusals use Mario Rossi, who never logs in here, so they must also
 * leave no user behind; acceptances use Giulia Bianchi.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpidResponseRulesIT {
    private static final TestUser REFUSED = SpidOutcomes.user("mario.rossi");
    private static final TestUser ACCEPTED = SpidOutcomes.user("giulia.bianchi");

    private SpidRealmFixture fixture;
    private SpidOutcomes outcomes;

    @BeforeAll
    void realm(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "spid-rules", true);
        outcomes = new SpidOutcomes(fixture);
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static List<ResponseCase> catalogue() {
        return ResponseCatalogue.cases(SigningCredential.demo());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyCatalogueCaseGetsItsOutcomeFromKeycloak(ResponseCase c) {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        driver.startAtIdp(SpidRealmFixture.IDP_ALIAS);
        ReceivedAuthnRequest request = driver.lastRequest();
        boolean acceptable = c.expected().kind() == ExpectedOutcome.Kind.ACCEPTED || c.scenario() == ResponseCase.Scenario.REPLAY;
        String samlResponse = c.rewriteBase64(fixture.idp.buildSamlResponse(request, acceptable ? ACCEPTED : REFUSED, c.mutationArray()));
        String relayState = c.scenario() == ResponseCase.Scenario.UNSOLICITED ? "" : request.relayState();
        if (c.scenario() == ResponseCase.Scenario.REPLAY) {
            SpidOutcomes.assertAccepted(c.name() + " (first time)", driver.postToAcs(samlResponse, relayState));
        }
        int sessionsBefore = outcomes.activeSessions();
        long since = System.currentTimeMillis() - 1000;

        Page answer = driver.postToAcs(samlResponse, relayState);

        switch (c.expected().kind()) {
            case ACCEPTED -> SpidOutcomes.assertAccepted(c.name(), answer);
            case REFUSED -> outcomes.assertRefused(c.name(), answer, c.expected().key(), since, sessionsBefore,
                    c.scenario() == ResponseCase.Scenario.REPLAY ? null : driver);
            case IDP_ERROR -> outcomes.assertIdpErrorPage(c.name(), answer, c.expected().key(), since, sessionsBefore, driver);
            default -> throw new IllegalStateException(c.expected().toString());
        }
        if (c.expected().kind() != ExpectedOutcome.Kind.ACCEPTED) {
            assertNull(fixture.keycloak.admin().findUserByUsername(fixture.name(), "rssmra80a01h501u"), c.name() + ": no user may be created");
        }
    }

    @Test
    void levelsOneToThreeAgainstEachComparison() {
        try {
            String current = null;
            for (ResponseCatalogue.LevelCase c : ResponseCatalogue.levelCases()) {
                if (!c.comparison().equals(current)) {
                    setComparison(c.comparison());
                    current = c.comparison();
                }
                SpidLoginDriver driver = new SpidLoginDriver(fixture);
                driver.startAtIdp(SpidRealmFixture.IDP_ALIAS);
                ReceivedAuthnRequest request = driver.lastRequest();
                assertEquals(c.comparison(), request.comparison(), c.toString());
                int sessionsBefore = outcomes.activeSessions();
                long since = System.currentTimeMillis() - 1000;
                Page answer = driver.postToAcs(fixture.idp.buildSamlResponse(request, ACCEPTED,
                        ResponseMutations.withLevel(c.answeredLevel())), request.relayState());
                if (c.accepted()) {
                    SpidOutcomes.assertAccepted(c.toString(), answer);
                } else {
                    outcomes.assertRefused(c.toString(), answer, "spid.assertion.level", since, sessionsBefore, driver);
                }
            }
        } finally {
            setComparison("minimum");
        }
    }

    @Test
    void aRefusedResponseChangesNothingOfAnExistingUser() {
        SpidLoginDriver first = new SpidLoginDriver(fixture);
        first.startAtIdp(SpidRealmFixture.IDP_ALIAS);
        ReceivedAuthnRequest request = first.lastRequest();
        SpidOutcomes.assertAccepted("first login", first.postToAcs(fixture.idp.buildSamlResponse(request, ACCEPTED), request.relayState()));
        JsonNode before = fixture.keycloak.admin().findUserByUsername(fixture.name(), "bncgli92l55f205a");

        SpidLoginDriver second = new SpidLoginDriver(fixture);
        second.startAtIdp(SpidRealmFixture.IDP_ALIAS);
        ReceivedAuthnRequest again = second.lastRequest();
        ResponseMutation renamed = response -> SamlDom.all(response, SamlDom.ASSERTION_NS, "Attribute").stream()
                .filter(a -> a.getAttribute("Name").equals("familyName"))
                .forEach(a -> SamlDom.first(a, SamlDom.ASSERTION_NS, "AttributeValue").setTextContent("Impostora"));
        Page answer = second.postToAcs(fixture.idp.buildSamlResponse(again, ACCEPTED, renamed,
                ResponseMutations.withAudience("https://other-sp.example")), again.relayState());

        assertEquals(400, answer.status());
        JsonNode after = fixture.keycloak.admin().findUserByUsername(fixture.name(), "bncgli92l55f205a");
        assertEquals(before.path("lastName").asText(), after.path("lastName").asText());
        assertEquals("Bianchi", after.path("lastName").asText());
        assertTrue(after.path("attributes").equals(before.path("attributes")));
    }

    @Test
    void theSpidErrorPageLeadsBackToTheAppAgainToTheIdpOrToTheProviderList() {
        SpidLoginDriver cancelled = new SpidLoginDriver(fixture);
        Page page = errorPage(cancelled, "22");
        assertEquals(SpidMessages.format(Problem.of("spidErrorNr22"), Locale.ENGLISH), page.element("#spid-error-message").text());
        Page back = cancelled.browser.get(page.element("#spid-error-back").absUrl("href"));
        assertTrue(back.isRedirect() && back.location().startsWith(SpidRealmFixture.REDIRECT_URI), back::toString);
        Map<String, String> oidc = query(back.location());
        assertEquals("access_denied", oidc.get("error"));
        assertEquals("SPID ErrorCode nr22", oidc.get("error_description"));
        assertTrue(oidc.containsKey("state") && !oidc.containsKey("code"), oidc::toString);
        assertEquals(400, cancelled.browser.get(page.element("#spid-error-back").absUrl("href")).status(), "the login is over");

        SpidLoginDriver retrying = new SpidLoginDriver(fixture);
        Page again = errorPage(retrying, "19");
        String firstRequest = retrying.lastRequest().id();
        Page toIdp = retrying.browser.get(again.element("#spid-error-retry").absUrl("href"));
        Page idpLogin = retrying.browser.submit(toIdp.element("form"));
        assertEquals(200, idpLogin.status(), idpLogin::toString);
        assertTrue(!retrying.lastRequest().id().equals(firstRequest) && retrying.lastRequest().signatureValid());
        SpidOutcomes.assertAccepted("login after retry", retrying.postToAcs(
                fixture.idp.buildSamlResponse(retrying.lastRequest(), ACCEPTED), retrying.lastRequest().relayState()));

        SpidLoginDriver choosing = new SpidLoginDriver(fixture);
        Page third = errorPage(choosing, "30");
        Page providers = choosing.browser.get(third.element("#spid-error-choose").absUrl("href"));
        assertEquals(200, providers.status(), providers::toString);
        assertTrue(providers.document().getElementById("social-" + SpidRealmFixture.IDP_ALIAS) != null, providers::toString);
    }

    private Page errorPage(SpidLoginDriver driver, String code) {
        driver.startAtIdp(SpidRealmFixture.IDP_ALIAS);
        ReceivedAuthnRequest request = driver.lastRequest();
        Page page = driver.postToAcs(fixture.idp.buildSamlResponse(request, REFUSED, ResponseMutations.statusError(code)),
                request.relayState());
        assertEquals(403, page.status(), page::toString);
        return page;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private void setComparison(String comparison) {
        JsonNode components = fixture.keycloak.admin().get("/" + fixture.name()
                + "/components?type=org.keycloak.services.ui.extend.UiPageProvider");
        for (JsonNode component : components) {
            if ("spid-service-provider".equals(component.path("providerId").asText())) {
                ObjectNode changed = component.deepCopy();
                ((ObjectNode) changed.path("config")).set("comparison", ((ArrayNode) changed.path("config").path("comparison")).removeAll().add(comparison));
                fixture.keycloak.admin().put("/" + fixture.name() + "/components/" + component.path("id").asText(), changed);
                return;
            }
        }
        throw new IllegalStateException("no SPID service provider component");
    }
}
