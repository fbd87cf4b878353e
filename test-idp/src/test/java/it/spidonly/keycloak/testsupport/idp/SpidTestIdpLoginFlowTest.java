package it.spidonly.keycloak.testsupport.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user (or a non-JavaScript HTTP client) going through the test IdP pages. */
class SpidTestIdpLoginFlowTest {

    private static final String RELAY_STATE = "opaque&\"<relay> state/+=";

    private static FakeServiceProvider sp;
    private static SpidTestIdp idp;

    @BeforeAll
    static void start() {
        sp = new FakeServiceProvider(true);
        idp = SpidTestIdp.start(SpidTestIdpSettings.builder().spMetadataUrl(sp.metadataUrl()).build());
    }

    @AfterAll
    static void stop() {
        idp.close();
        sp.close();
    }

    private static Document loginPage(TestAuthnRequest request) throws Exception {
        HttpResponse<String> page = IdpHttp.postForm(idp.ssoUrl(), Map.of(
                "SAMLRequest", TestAuthnRequest.postEncoded(request.signed(sp.credential())), "RelayState", RELAY_STATE));
        assertEquals(200, page.statusCode());
        return Jsoup.parse(page.body());
    }

    private static HttpResponse<String> submit(Document loginPage, String username, String password, String action)
            throws Exception {
        return IdpHttp.postForm(idp.baseUrl() + "/login", Map.of(
                "request", loginPage.select("input[name=request]").val(),
                "username", username, "password", password, "action", action));
    }

    private static Element autoPostForm(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode());
        Document page = Jsoup.parse(answer.body());
        assertTrue(page.select("script").html().contains("submit()"));
        return page.selectFirst("form[method=post]");
    }

    @Test
    void rightCredentialsPostASignedResponseToTheAcs() throws Exception {
        TestAuthnRequest request = new TestAuthnRequest(idp.ssoUrl());

        Element form = autoPostForm(submit(loginPage(request), "mario.rossi", "password123", "login"));

        assertEquals(FakeServiceProvider.ACS_0, form.attr("action"));
        assertEquals(RELAY_STATE, form.select("input[type=hidden][name=RelayState]").val());
        assertEquals(1, form.select("button[type=submit]").size());
        DecodedResponse response = DecodedResponse.of(form.select("input[type=hidden][name=SAMLResponse]").val());
        assertEquals(request.id, response.root().getAttribute("InResponseTo"));
        assertEquals("TINIT-RSSMRA80A01H501U", response.attributes().get("fiscalNumber"));
        assertTrue(response.responseSignatureValid(SigningCredential.demo().certificate()));
    }

    @Test
    void wrongPasswordShowsTheLoginPageAgainWithAnError() throws Exception {
        Document first = loginPage(new TestAuthnRequest(idp.ssoUrl()));

        HttpResponse<String> answer = submit(first, "mario.rossi", "wrong", "login");

        Document again = Jsoup.parse(answer.body());
        assertFalse(again.select("[role=alert]").text().isEmpty());
        assertEquals(first.select("input[name=request]").val(), again.select("input[name=request]").val());
        Element form = autoPostForm(submit(again, "mario.rossi", "password123", "login"));
        assertEquals(FakeServiceProvider.ACS_0, form.attr("action"));
    }

    @Test
    void cancelAnswersErrorCode25() throws Exception {
        Element form = autoPostForm(submit(loginPage(new TestAuthnRequest(idp.ssoUrl())), "", "", "cancel"));

        DecodedResponse response = DecodedResponse.of(form.select("input[name=SAMLResponse]").val());
        assertNull(response.assertion());
        assertEquals("ErrorCode nr25", response.statusMessage());
    }

    @Test
    void userBelowTheRequestedLevelGetsErrorCode20() throws Exception {
        Element form = autoPostForm(submit(loginPage(new TestAuthnRequest(idp.ssoUrl()).level(2, "minimum")),
                "giuseppe.russo", "password123", "login"));

        assertEquals("ErrorCode nr20", DecodedResponse.of(form.select("input[name=SAMLResponse]").val()).statusMessage());
    }

    @Test
    void aLoginRequestIsAnsweredOnce() throws Exception {
        Document page = loginPage(new TestAuthnRequest(idp.ssoUrl()));
        autoPostForm(submit(page, "mario.rossi", "password123", "login"));

        assertEquals(400, submit(page, "mario.rossi", "password123", "login").statusCode());
    }
}
