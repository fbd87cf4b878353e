package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** Every point of the SPID AuthnRequest rules, on requests the real Keycloak sends, over POST and Redirect. */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthnRequestIT {
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private SpidRealmFixture post;
    private SpidRealmFixture redirect;

    @BeforeAll
    void realms(KeycloakServer keycloak) {
        post = SpidRealmFixture.create(keycloak, "spid-post", true);
        redirect = SpidRealmFixture.create(keycloak, "spid-redirect", false);
    }

    @AfterAll
    void close() {
        if (post != null) {
            post.close();
        }
        redirect.close();
    }

    @ParameterizedTest(name = "binding {0}")
    @ValueSource(strings = {"POST", "REDIRECT"})
    void requestFollowsTheSpidRules(String binding) {
        SpidRealmFixture fixture = "POST".equals(binding) ? post : redirect;
        Instant before = Instant.now().minusSeconds(2);
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        Page idpPage = driver.startAtIdp(SpidRealmFixture.IDP_ALIAS);
        assertEquals(200, idpPage.status(), () -> "the test IdP accepted the request: " + idpPage.body());
        ReceivedAuthnRequest request = driver.lastRequest();

        assertEquals(binding, request.binding());
        assertTrue(request.signatureValid(), () -> "signature verified against the SP metadata: " + request.signatureProblem());
        if ("REDIRECT".equals(binding)) {
            assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", request.sigAlg());
            assertNotNull(request.signature());
        } else {
            assertEquals(1, request.document().getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").getLength());
        }

        Element root = request.document().getDocumentElement();
        assertEquals("2.0", root.getAttribute("Version"));
        assertFalse(Character.isDigit(request.id().charAt(0)), "ID must not start with a digit");
        assertTrue(request.issueInstant().endsWith("Z"), request.issueInstant());
        Instant issued = Instant.parse(request.issueInstant());
        assertTrue(!issued.isBefore(before) && issued.isBefore(Instant.now().plus(Duration.ofSeconds(2))), "IssueInstant is now");
        assertEquals(fixture.idp.ssoUrl(), request.destination());
        assertTrue(request.forceAuthn(), "ForceAuthn above L1");
        assertFalse(root.hasAttribute("IsPassive"));

        assertEquals(0, request.assertionConsumerServiceIndex());
        assertEquals(null, request.assertionConsumerServiceUrl());
        assertEquals(fixture.acsUrl(), fixture.idp.acsUrlFor(request), "index 0 is the metadata's ACS");
        assertEquals(0, request.attributeConsumingServiceIndex(), "an index the metadata publishes");

        Element issuer = (Element) root.getElementsByTagNameNS(SAML, "Issuer").item(0);
        assertEquals(fixture.realm.spEntityId(), issuer.getTextContent().trim());
        assertEquals(fixture.realm.spEntityId(), issuer.getAttribute("NameQualifier"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:entity", issuer.getAttribute("Format"));

        Element policy = (Element) root.getElementsByTagNameNS(SAMLP, "NameIDPolicy").item(0);
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:transient", policy.getAttribute("Format"));
        assertFalse(policy.hasAttribute("AllowCreate"));

        assertEquals("minimum", request.comparison());
        assertEquals("https://www.spid.gov.it/SpidL2", request.authnContextClassRef());
        assertEquals(1, root.getElementsByTagNameNS(SAML, "AuthnContextClassRef").getLength());

        assertFalse(request.relayState().contains("://") || request.relayState().contains("%3A%2F%2F"), "RelayState is opaque: " + request.relayState());
        assertTrue(request.relayState().length() <= 80, "RelayState fits SAML's 80 bytes");
    }

    @Test
    void aPlainSamlIdpBesideKeepsKeycloaksDefaultRequest() {
        Map<String, Object> config = Map.of(
                "idpEntityId", post.idp.entityId(),
                "singleSignOnServiceUrl", post.idp.ssoUrl(),
                "postBindingAuthnRequest", "true", "postBindingResponse", "true",
                "wantAuthnRequestsSigned", "true", "nameIDPolicyFormat", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                "principalType", "SUBJECT", "signingCertificate", post.idp.signingCertificateBase64());
        post.keycloak.admin().post("/" + post.name() + "/identity-provider/instances",
                Map.of("alias", "plain-saml", "providerId", "saml", "enabled", true, "config", config));

        SpidLoginDriver driver = new SpidLoginDriver(post);
        driver.startAtIdp("plain-saml");
        ReceivedAuthnRequest request = driver.lastRequest();
        Element root = request.document().getDocumentElement();
        Element issuer = (Element) root.getElementsByTagNameNS(SAML, "Issuer").item(0);

        assertEquals(post.realmUrl() + "/broker/plain-saml/endpoint", request.assertionConsumerServiceUrl(), "Keycloak's per-IdP ACS");
        assertEquals(null, request.assertionConsumerServiceIndex());
        assertFalse(issuer.hasAttribute("NameQualifier"));
        assertEquals(post.realmUrl(), issuer.getTextContent().trim(), "Keycloak's default issuer, not the SPID entityID");
        Element policy = (Element) root.getElementsByTagNameNS(SAMLP, "NameIDPolicy").item(0);
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", policy.getAttribute("Format"));
        assertEquals("true", policy.getAttribute("AllowCreate"));
        assertEquals(0, root.getElementsByTagNameNS(SAMLP, "RequestedAuthnContext").getLength());
    }
}
