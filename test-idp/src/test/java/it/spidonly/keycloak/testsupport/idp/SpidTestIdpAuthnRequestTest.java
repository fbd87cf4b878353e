package it.spidonly.keycloak.testsupport.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SpidTestIdpAuthnRequestTest {

    private static FakeServiceProvider sp;
    private static SpidTestIdp idp;

    @BeforeAll
    static void start() {
        sp = new FakeServiceProvider(true);
        idp = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0).spMetadataUrl(sp.metadataUrl()).build());
    }

    @AfterAll
    static void stop() {
        idp.close();
        sp.close();
    }

    @BeforeEach
    void clear() {
        idp.clearReceivedRequests();
    }

    @Test
    void signedPostRequestIsRecordedAndGetsTheLoginPage() throws Exception {
        TestAuthnRequest request = new TestAuthnRequest(idp.ssoUrl()).level(2, "minimum").attributeConsumingServiceIndex(1);
        HttpResponse<String> page = IdpHttp.postForm(idp.ssoUrl(), Map.of(
                "SAMLRequest", TestAuthnRequest.postEncoded(request.signed(sp.credential())), "RelayState", "opaque-1"));

        assertEquals(200, page.statusCode());
        Document html = Jsoup.parse(page.body());
        assertEquals("SPID test IdP", html.title());
        assertTrue(html.getElementById("level").text().contains("https://www.spid.gov.it/SpidL2"));
        assertEquals(1, html.select("form input[name=username]").size());
        assertEquals(1, html.select("form input[name=password][type=password]").size());
        assertFalse(html.select("form input[type=hidden][name=request]").attr("value").isEmpty());
        assertEquals(1, html.select("button#login").size());
        assertTrue(html.select("#users").text().contains("mario.rossi"));

        ReceivedAuthnRequest received = idp.receivedRequests().get(0);
        assertTrue(received.signatureValid(), received::signatureProblem);
        assertEquals(ReceivedAuthnRequest.POST, received.binding());
        assertEquals(request.id, received.id());
        assertEquals(idp.ssoUrl(), received.destination());
        assertEquals(FakeServiceProvider.ENTITY_ID, received.issuer());
        assertEquals("opaque-1", received.relayState());
        assertEquals("https://www.spid.gov.it/SpidL2", received.authnContextClassRef());
        assertEquals(2, received.requestedLevel());
        assertEquals("minimum", received.comparison());
        assertEquals(1, received.attributeConsumingServiceIndex());
        assertEquals(0, received.assertionConsumerServiceIndex());
        assertNull(received.assertionConsumerServiceUrl());
        assertTrue(received.forceAuthn());
        assertTrue(received.issueInstant().endsWith("Z"));
        assertEquals("AuthnRequest", received.document().getDocumentElement().getLocalName());
        assertTrue(received.xml().contains(request.id));
    }

    @Test
    void postRequestChangedAfterSigningIsRefused() throws Exception {
        var signed = new TestAuthnRequest(idp.ssoUrl()).signed(sp.credential());
        signed.getDocumentElement().setAttribute("AttributeConsumingServiceIndex", "1");

        HttpResponse<String> page = IdpHttp.postForm(idp.ssoUrl(), Map.of("SAMLRequest", TestAuthnRequest.postEncoded(signed)));

        assertEquals(400, page.statusCode());
        assertTrue(Jsoup.parse(page.body()).text().contains("signature"));
        assertFalse(idp.receivedRequests().get(0).signatureValid());
    }

    @Test
    void unsignedPostRequestIsRefused() throws Exception {
        var signed = new TestAuthnRequest(idp.ssoUrl()).signed(sp.credential());
        Element root = signed.getDocumentElement();
        SamlDom.removeSignatures(root);

        HttpResponse<String> page = IdpHttp.postForm(idp.ssoUrl(), Map.of("SAMLRequest", TestAuthnRequest.postEncoded(signed)));

        assertEquals(400, page.statusCode());
        assertFalse(idp.receivedRequests().get(0).signatureValid());
        assertTrue(idp.receivedRequests().get(0).signatureProblem().contains("not signed"));
    }

    @Test
    void postRequestSignedByAnotherKeyIsRefused() throws Exception {
        SigningCredential stranger = SigningCredential.generate("Not the SP");
        var signed = new TestAuthnRequest(idp.ssoUrl()).signed(stranger);

        HttpResponse<String> page = IdpHttp.postForm(idp.ssoUrl(), Map.of("SAMLRequest", TestAuthnRequest.postEncoded(signed)));

        assertEquals(400, page.statusCode());
        assertFalse(idp.receivedRequests().get(0).signatureValid());
    }

    @Test
    void signedRedirectRequestIsRecordedAndGetsTheLoginPage() throws Exception {
        TestAuthnRequest request = new TestAuthnRequest(idp.ssoUrl()).level(3, "exact");

        HttpResponse<String> page = IdpHttp.get(idp.ssoUrl() + "?" + request.redirectQuery(sp.credential(), "r/s+1 ü"));

        assertEquals(200, page.statusCode());
        ReceivedAuthnRequest received = idp.receivedRequests().get(0);
        assertTrue(received.signatureValid(), received::signatureProblem);
        assertEquals(ReceivedAuthnRequest.REDIRECT, received.binding());
        assertEquals(request.id, received.id());
        assertEquals("r/s+1 ü", received.relayState());
        assertEquals(TestAuthnRequest.SIG_ALG_RSA_SHA256, received.sigAlg());
        assertFalse(received.signature().isEmpty());
        assertEquals(3, received.requestedLevel());
    }

    @Test
    void redirectRequestWithAnotherRelayStateThanSignedIsRefused() throws Exception {
        String query = new TestAuthnRequest(idp.ssoUrl()).redirectQuery(sp.credential(), "signed-relay-state");

        HttpResponse<String> page = IdpHttp.get(idp.ssoUrl() + "?" + query.replace("signed-relay-state", "other-relay-state"));

        assertEquals(400, page.statusCode());
        assertFalse(idp.receivedRequests().get(0).signatureValid());
    }

    @Test
    void redirectRequestWithoutSignatureIsRefused() throws Exception {
        HttpResponse<String> page = IdpHttp.get(idp.ssoUrl() + "?" + new TestAuthnRequest(idp.ssoUrl()).redirectQuery(null, "x"));

        assertEquals(400, page.statusCode());
        assertFalse(idp.receivedRequests().get(0).signatureValid());
    }

    @Test
    void requestIsRefusedWhenTheSpMetadataCannotBeFetched() throws Exception {
        try (SpidTestIdp lonely = SpidTestIdp.start(SpidTestIdpSettings.builder()
                .spMetadataUrl("http://127.0.0.1:9/no-sp-here").build())) {
            HttpResponse<String> page = IdpHttp.postForm(lonely.ssoUrl(), Map.of("SAMLRequest",
                    TestAuthnRequest.postEncoded(new TestAuthnRequest(lonely.ssoUrl()).signed(sp.credential()))));

            assertEquals(400, page.statusCode());
            assertFalse(lonely.receivedRequests().get(0).signatureValid());
            assertTrue(lonely.receivedRequests().get(0).signatureProblem().contains("SP metadata"));
        }
    }

    @Test
    void unreadableRequestIsRefusedAndNotRecorded() throws Exception {
        HttpResponse<String> page = IdpHttp.postForm(idp.ssoUrl(), Map.of("SAMLRequest", "bm90IHhtbA=="));

        assertEquals(400, page.statusCode());
        assertTrue(idp.receivedRequests().isEmpty());
    }

    @Test
    void requestWithDoctypeIsRefused() throws Exception {
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + new TestAuthnRequest(idp.ssoUrl()).xml().replace("ForceAuthn", "Consent=\"&e;\" ForceAuthn");
        String encoded = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> page = IdpHttp.postForm(idp.ssoUrl(), Map.of("SAMLRequest", encoded));

        assertEquals(400, page.statusCode());
        assertTrue(idp.receivedRequests().isEmpty());
    }
}
