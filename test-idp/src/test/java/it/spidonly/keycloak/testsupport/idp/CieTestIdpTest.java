package it.spidonly.keycloak.testsupport.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test IdP's CIE mode under /cie: its metadata, login page and answers follow the CIE rules. */
class CieTestIdpTest {
    private static FakeServiceProvider sp;
    private static SpidTestIdp idp;

    @BeforeAll
    static void start() {
        sp = new FakeServiceProvider(true);
        idp = SpidTestIdp.start(SpidTestIdpSettings.builder().spMetadataUrl(sp.metadataUrl()).cieSpMetadataUrl(sp.metadataUrl()).build());
    }

    @AfterAll
    static void stop() {
        idp.close();
        sp.close();
    }

    private static Document loginPage(TestAuthnRequest request) throws Exception {
        HttpResponse<String> page = IdpHttp.postForm(idp.cieSsoUrl(), Map.of(
                "SAMLRequest", TestAuthnRequest.postEncoded(request.signed(sp.credential())), "RelayState", "rs"));
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body());
    }

    private static DecodedResponse answer(Document page, String username, String action) throws Exception {
        HttpResponse<String> answer = IdpHttp.postForm(idp.baseUrl() + page.selectFirst("form").attr("action"), Map.of(
                "request", page.select("input[name=request]").val(), "username", username, "password", "password123", "action", action));
        assertEquals(200, answer.statusCode(), answer.body());
        Element form = Jsoup.parse(answer.body()).selectFirst("form[method=post]");
        return DecodedResponse.of(form.select("input[name=SAMLResponse]").val());
    }

    @Test
    void itsEntityIdIsItsPostSsoUrlAndItServesItsOwnMetadata() throws Exception {
        assertEquals(idp.baseUrl() + "/cie/sso", idp.cieEntityId());
        HttpResponse<String> metadata = IdpHttp.get(idp.cieMetadataUrl());
        assertEquals(200, metadata.statusCode());
        assertTrue(metadata.body().contains("entityID=\"" + idp.cieEntityId() + "\""), metadata.body());
    }

    @Test
    void aCieLoginReleasesTheFourAttributesWithoutFormatOnTheResponseIssuer() throws Exception {
        Document page = loginPage(new TestAuthnRequest(idp.cieSsoUrl()));
        assertEquals("CIE test IdP", page.selectFirst("h1").text());
        assertEquals("/cie/login", page.selectFirst("form").attr("action"));

        DecodedResponse response = answer(page, "mario.rossi", "login");

        org.w3c.dom.Element responseIssuer = SamlDom.child(response.root(), SamlDom.ASSERTION_NS, "Issuer");
        assertFalse(responseIssuer.hasAttribute("Format"));
        assertEquals(idp.cieEntityId(), responseIssuer.getTextContent());
        assertEquals(List.of("name", "familyName", "dateOfBirth", "fiscalNumber"), List.copyOf(response.attributes().keySet()));
        assertEquals("TINIT-RSSMRA80A01H501U", response.attributes().get("fiscalNumber"));
        assertTrue(response.responseSignatureValid(SigningCredential.demo().certificate()));
        assertFalse(idp.cieReceivedRequests().isEmpty());
        assertTrue(idp.receivedRequests().stream().noneMatch(r -> r.destination().equals(idp.cieSsoUrl())), "the SPID mode saw nothing");
    }

    @Test
    void cancelAndLevelsAnswerCieErrorCodes() throws Exception {
        assertEquals("ErrorCode nr25", answer(loginPage(new TestAuthnRequest(idp.cieSsoUrl())), "", "cancel").statusMessage());
        DecodedResponse belowLevel = answer(loginPage(new TestAuthnRequest(idp.cieSsoUrl()).level(2, "minimum")), "anna.verdi", "login");
        assertNull(belowLevel.assertion());
        assertEquals("ErrorCode nr12", belowLevel.statusMessage());
    }

    @Test
    void itsLogoutPageNeverAnswersTheServiceProvider() throws Exception {
        HttpResponse<String> answer = IdpHttp.get(idp.cieSloUrl());
        assertEquals(200, answer.statusCode());
        assertFalse(answer.body().contains("SAMLResponse"));
    }
}
