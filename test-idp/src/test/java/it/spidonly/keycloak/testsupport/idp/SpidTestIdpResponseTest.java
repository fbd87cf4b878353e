package it.spidonly.keycloak.testsupport.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SpidTestIdpResponseTest {

    private static final String ENTITY = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";

    private static FakeServiceProvider sp;
    private static SpidTestIdp idp;
    private static X509Certificate idpCertificate;

    @BeforeAll
    static void start() {
        sp = new FakeServiceProvider(false);
        idp = SpidTestIdp.start(SpidTestIdpSettings.builder().spMetadataUrl(sp.metadataUrl()).build());
        idpCertificate = SigningCredential.demo().certificate();
    }

    @AfterAll
    static void stop() {
        idp.close();
        sp.close();
    }

    private static ReceivedAuthnRequest send(TestAuthnRequest request) throws Exception {
        idp.clearReceivedRequests();
        IdpHttp.postForm(idp.ssoUrl(), Map.of("SAMLRequest", TestAuthnRequest.postEncoded(request.signed(sp.credential())),
                "RelayState", "rs"));
        ReceivedAuthnRequest received = idp.receivedRequests().get(0);
        assertTrue(received.signatureValid(), received::signatureProblem);
        return received;
    }

    private static TestUser user(String username) {
        return TestUser.demoUsers().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void baselineResponseIsSignedTwiceAndAnswersTheRequest() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        ReceivedAuthnRequest request = send(new TestAuthnRequest(idp.ssoUrl()));

        DecodedResponse response = DecodedResponse.of(idp.buildSamlResponse(request, user("mario.rossi")));

        assertTrue(response.assertionSignatureValid(idpCertificate));
        assertTrue(response.responseSignatureValid(idpCertificate));
        Element root = response.root();
        assertTrue(root.getAttribute("ID").startsWith("_"));
        assertEquals("2.0", root.getAttribute("Version"));
        assertEquals(request.id(), root.getAttribute("InResponseTo"));
        assertEquals(FakeServiceProvider.ACS_0, root.getAttribute("Destination"));
        assertEquals(FakeServiceProvider.ACS_0, idp.acsUrlFor(request));
        assertFalse(Instant.parse(root.getAttribute("IssueInstant")).isBefore(before));
        assertTrue(root.getAttribute("IssueInstant").endsWith("Z"));
        Element responseIssuer = SamlDom.child(root, SamlDom.ASSERTION_NS, "Issuer");
        assertEquals(idp.entityId(), responseIssuer.getTextContent());
        assertEquals(ENTITY, responseIssuer.getAttribute("Format"));
        assertEquals(List.of("urn:oasis:names:tc:SAML:2.0:status:Success"), response.statusCodes());
        assertEquals(1, SamlDom.assertions(response.doc).size());

        Element assertionIssuer = SamlDom.child(response.assertion(), SamlDom.ASSERTION_NS, "Issuer");
        assertEquals(ENTITY, assertionIssuer.getAttribute("Format"));
        assertEquals(idp.entityId(), assertionIssuer.getAttribute("NameQualifier"));
        Element nameId = response.assertionElement("NameID");
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:transient", nameId.getAttribute("Format"));
        assertEquals(idp.entityId(), nameId.getAttribute("NameQualifier"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:cm:bearer",
                response.assertionElement("SubjectConfirmation").getAttribute("Method"));
        Element confirmation = response.assertionElement("SubjectConfirmationData");
        assertEquals(FakeServiceProvider.ACS_0, confirmation.getAttribute("Recipient"));
        assertEquals(request.id(), confirmation.getAttribute("InResponseTo"));
        assertTrue(Instant.parse(confirmation.getAttribute("NotOnOrAfter")).isAfter(Instant.now()));
        Element conditions = response.assertionElement("Conditions");
        assertFalse(Instant.parse(conditions.getAttribute("NotBefore")).isAfter(Instant.now()));
        assertTrue(Instant.parse(conditions.getAttribute("NotOnOrAfter")).isAfter(Instant.now()));
        assertEquals(FakeServiceProvider.ENTITY_ID, response.assertionText("Audience"));
        assertEquals("https://www.spid.gov.it/SpidL2", response.assertionText("AuthnContextClassRef"));
        assertFalse(response.assertionElement("AuthnStatement").getAttribute("SessionIndex").isEmpty());
    }

    @Test
    void releasesExactlyTheAttributesOfTheRequestedService() throws Exception {
        ReceivedAuthnRequest service0 = send(new TestAuthnRequest(idp.ssoUrl()).attributeConsumingServiceIndex(0));
        ReceivedAuthnRequest service1 = send(new TestAuthnRequest(idp.ssoUrl()).attributeConsumingServiceIndex(1));

        assertEquals(Map.of("name", "Mario", "familyName", "Rossi", "fiscalNumber", "TINIT-RSSMRA80A01H501U",
                "email", "mario.rossi@example.org"),
                DecodedResponse.of(idp.buildSamlResponse(service0, user("mario.rossi"))).attributes());
        assertEquals(Map.of("fiscalNumber", "TINIT-RSSMRA80A01H501U", "spidCode", "TIDP0000000001"),
                DecodedResponse.of(idp.buildSamlResponse(service1, user("mario.rossi"))).attributes());
        assertEquals(Map.of("name", "Francesca", "familyName", "Esposito", "fiscalNumber", "TINIT-SPSFNC75C62F839W"),
                DecodedResponse.of(idp.buildSamlResponse(service0, user("francesca.esposito"))).attributes(),
                "a user without email gets no email attribute");
    }

    @Test
    void answersTheAcsTheRequestNames() throws Exception {
        ReceivedAuthnRequest byIndex = send(new TestAuthnRequest(idp.ssoUrl()).acsIndex(1));
        ReceivedAuthnRequest byUrl = send(new TestAuthnRequest(idp.ssoUrl()).acsUrl("https://sp.example.org/acs-by-url"));

        assertEquals(FakeServiceProvider.ACS_1, idp.acsUrlFor(byIndex));
        assertEquals(FakeServiceProvider.ACS_1,
                DecodedResponse.of(idp.buildSamlResponse(byIndex, user("mario.rossi"))).root().getAttribute("Destination"));
        assertEquals("https://sp.example.org/acs-by-url", idp.acsUrlFor(byUrl));
        assertEquals("https://sp.example.org/acs-by-url", DecodedResponse.of(idp.buildSamlResponse(byUrl,
                user("mario.rossi"))).assertionElement("SubjectConfirmationData").getAttribute("Recipient"));
    }

    @Test
    void tamperAfterSigningBreaksBothSignatures() throws Exception {
        ReceivedAuthnRequest request = send(new TestAuthnRequest(idp.ssoUrl()));

        DecodedResponse response = DecodedResponse.of(
                idp.buildSamlResponse(request, user("mario.rossi"), ResponseMutations.tamperAfterSigning()));

        assertFalse(response.assertionSignatureValid(idpCertificate));
        assertFalse(response.responseSignatureValid(idpCertificate));
    }

    @Test
    void foreignKeySignaturesDoNotVerifyWithTheIdpCertificate() throws Exception {
        ReceivedAuthnRequest request = send(new TestAuthnRequest(idp.ssoUrl()));
        SigningCredential foreign = SigningCredential.generate("Attacker");

        DecodedResponse response = DecodedResponse.of(idp.buildSamlResponse(request, user("mario.rossi"),
                ResponseMutations.signedBy(foreign.keyPair(), foreign.certificate())));

        assertFalse(response.assertionSignatureValid(idpCertificate));
        assertFalse(response.responseSignatureValid(idpCertificate));
        assertTrue(response.assertionSignatureValid(foreign.certificate()));
        assertTrue(response.responseSignatureValid(foreign.certificate()));
    }

    @Test
    void beforeSigningMutationsStaySigned() throws Exception {
        ReceivedAuthnRequest request = send(new TestAuthnRequest(idp.ssoUrl()));

        DecodedResponse response = DecodedResponse.of(idp.buildSamlResponse(request, user("mario.rossi"),
                ResponseMutations.withInResponseTo("_other"), ResponseMutations.withDestination("https://evil.example/acs"),
                ResponseMutations.withAudience("https://other-sp.example.org")));

        assertTrue(response.assertionSignatureValid(idpCertificate));
        assertTrue(response.responseSignatureValid(idpCertificate));
        assertEquals("_other", response.root().getAttribute("InResponseTo"));
        assertEquals("https://evil.example/acs", response.root().getAttribute("Destination"));
        assertEquals("https://other-sp.example.org", response.assertionText("Audience"));
    }

    @Test
    void statusErrorIsASignedSpidErrorResponseWithoutAssertion() throws Exception {
        ReceivedAuthnRequest request = send(new TestAuthnRequest(idp.ssoUrl()));

        DecodedResponse response = DecodedResponse.of(idp.buildSamlResponse(request, null, ResponseMutations.statusError("22")));

        assertNull(response.assertion());
        assertEquals(List.of("urn:oasis:names:tc:SAML:2.0:status:Responder",
                "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"), response.statusCodes());
        assertEquals("ErrorCode nr22", response.statusMessage());
        assertEquals(request.id(), response.root().getAttribute("InResponseTo"));
        assertTrue(response.responseSignatureValid(idpCertificate));
    }

    @Test
    void eachResponseHasNewIdentifiers() throws Exception {
        ReceivedAuthnRequest request = send(new TestAuthnRequest(idp.ssoUrl()));

        DecodedResponse first = DecodedResponse.of(idp.buildSamlResponse(request, user("mario.rossi")));
        DecodedResponse second = DecodedResponse.of(idp.buildSamlResponse(request, user("mario.rossi")));

        assertNotEquals(first.root().getAttribute("ID"), second.root().getAttribute("ID"));
        assertNotEquals(first.assertion().getAttribute("ID"), second.assertion().getAttribute("ID"));
        assertNotEquals(first.assertionText("NameID"), second.assertionText("NameID"));
    }
}
