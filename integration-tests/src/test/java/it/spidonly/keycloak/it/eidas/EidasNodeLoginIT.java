package it.spidonly.keycloak.it.eidas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.eidasnode.EidasNodeResponseBuilder;
import it.spidonly.keycloak.testsupport.idp.SigningCredential;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * A citizen logs in through a native eIDAS node (type eidas-node) on the real Keycloak: the eIDAS AuthnRequest is
 * checked as the node receives it, the node's Response (RSASSA-PSS, encrypted assertion) is built by the test
 * support's eIDAS-node builder and posted to the broker endpoint, as the node's auto-post page would.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EidasNodeLoginIT {
    private static final String APP = "ministry-demo-app";
    private static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    private static final String NODE_ALIAS = "eidas-es";
    private static final String NODE_ENTITY_ID = "https://eidas-node.es.example/EidasNode/ConnectorMetadata";
    private static final String NODE_SSO = "http://127.0.0.1:1/EidasNode/ServiceProvider";
    private static final SigningCredential NODE = SigningCredential.generate("eIDAS node ES (test)");
    private static final String EC_NODE_ALIAS = "eidas-ec";
    private static final SigningCredential SP_EC = SigningCredential.generateEcP256("SP ECDSA P-256 (test)");
    private static final SigningCredential NODE_2048 = SigningCredential.generateRsa("eIDAS node ES, weak key (test)", 2048);

    private KeycloakServer keycloak;
    private String realm;
    private X509Certificate spEncryption;
    private X509Certificate spSigning;

    @BeforeAll
    void realm(KeycloakServer keycloak) throws Exception {
        this.keycloak = keycloak;
        realm = "eidas-node-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.admin().importRealm(SpidRealm.named(realm).testIdp("http://127.0.0.1:1", "https://unused.example/idp", NODE.certificateBase64())
                .appRedirectUri(REDIRECT_URI).loginTheme("keycloak.v2").toJson());
        String realmId = keycloak.admin().get("/" + realm).path("id").asText();
        // eIDAS signs with RSASSA-PSS and RSA >= 3072: a realm key for it
        keycloak.admin().create("/" + realm + "/components", Map.of("name", "eidas-pss", "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of("200"), "keySize", List.of("3072"), "algorithm", List.of("PS256"))));
        // and the key the node encrypts assertions to (RSA-OAEP, RSA >= 3072 too)
        keycloak.admin().create("/" + realm + "/components", Map.of("name", "eidas-oaep", "providerId", "rsa-enc-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of("200"), "keySize", List.of("3072"), "algorithm", List.of("RSA-OAEP"))));
        spEncryption = realmCertificate("ENC", "RSA-OAEP");
        spSigning = realmCertificate("SIG", "PS256");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("idpEntityId", NODE_ENTITY_ID);
        config.put("singleSignOnServiceUrl", NODE_SSO);
        // the weak key is in the node's metadata too: it must be refused for its size, not for being unknown
        config.put("signingCertificate", NODE.certificateBase64() + "," + NODE_2048.certificateBase64());
        config.put("eidasLevel", "substantial");
        keycloak.admin().create("/" + realm + "/identity-provider/instances", Map.of("alias", NODE_ALIAS,
                "displayName", "Spain (eIDAS node)", "providerId", "eidas-node", "enabled", true, "config", config));

        // ECDSA P-256: Keycloak's generated EC keys have no certificate, so a keystore with the key and its certificate
        // (Keycloak reads keystores only from the realm's directory under its data/)
        java.nio.file.Path realmDir = java.nio.file.Path.of(System.getProperty("keycloak.home"), "data", realm);
        java.nio.file.Files.createDirectories(realmDir);
        java.nio.file.Path keystore = realmDir.resolve("eidas-sp-ec.p12");
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sp", SP_EC.keyPair().getPrivate(), "secret".toCharArray(), new java.security.cert.Certificate[] {SP_EC.certificate()});
        try (var out = java.nio.file.Files.newOutputStream(keystore)) {
            store.store(out, "secret".toCharArray());
        }
        keycloak.admin().create("/" + realm + "/components", Map.of("name", "eidas-ecdsa", "providerId", "java-keystore",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of("100"), "keystore", List.of(keystore.toString()), "keystoreType", List.of("PKCS12"),
                        "keystorePassword", List.of("secret"), "keyAlias", List.of("sp"), "keyPassword", List.of("secret"),
                        "algorithm", List.of("ES256"), "keyUse", List.of("sig"))));
        Map<String, String> ecConfig = new LinkedHashMap<>(config);
        ecConfig.put("eidasSigningAlgorithm", "ES256");
        ecConfig.put("idpEntityId", NODE_ENTITY_ID + "/ec");
        keycloak.admin().create("/" + realm + "/identity-provider/instances", Map.of("alias", EC_NODE_ALIAS,
                "displayName", "Spain (eIDAS node, ECDSA)", "providerId", "eidas-node", "enabled", true, "config", ecConfig));
    }

    @AfterAll
    void close() {
        if (keycloak != null && realm != null) {
            keycloak.admin().deleteRealm(realm);
        }
    }

    /** A login in flight: the browser, the app, the AuthnRequest Keycloak posted to the node and its RelayState. */
    private record Pending(HttpBrowser browser, OidcTestClient app, Document request, String relayState) {
        String requestId() {
            return request.getDocumentElement().getAttribute("ID");
        }
    }

    private Pending start() throws Exception {
        return start(NODE_ALIAS);
    }

    private Pending start(String alias) throws Exception {
        HttpBrowser browser = new HttpBrowser().stopAt(REDIRECT_URI);
        OidcTestClient app = new OidcTestClient(browser, keycloak.realmUrl(realm), APP, REDIRECT_URI);
        Map<String, String> params = new HashMap<>(Map.of("kc_idp_hint", alias, "scope", "openid eidas"));
        Page autoPost = browser.get(app.authorizationUrl(params).toString());
        Element form = autoPost.element("form");
        assertEquals(NODE_SSO, form.attr("action"), "HTTP-POST to the node");
        byte[] xml = Base64.getDecoder().decode(form.selectFirst("input[name=SAMLRequest]").attr("value"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document request = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return new Pending(browser, app, request, form.selectFirst("input[name=RelayState]").attr("value"));
    }

    private EidasNodeResponseBuilder answer(Pending pending) {
        return new EidasNodeResponseBuilder(NODE_ENTITY_ID, keycloak.realmUrl(realm), endpoint(), pending.requestId(),
                NODE.keyPair(), NODE.certificate(), spEncryption);
    }

    private Page post(Pending pending, EidasNodeResponseBuilder response) {
        return pending.browser().postForm(endpoint(), Map.of("SAMLResponse", response.base64(), "RelayState", pending.relayState()));
    }

    private String endpoint() {
        return keycloak.realmUrl(realm) + "/broker/" + NODE_ALIAS + "/endpoint";
    }

    @Test
    void theAuthnRequestFollowsTheEidasProfileAndIsSignedWithRsaPss() throws Exception {
        Document request = start().request();
        org.w3c.dom.Element root = request.getDocumentElement();
        assertEquals("true", root.getAttribute("ForceAuthn"));
        assertEquals("false", root.getAttribute("IsPassive"));
        assertEquals(NODE_SSO, root.getAttribute("Destination"));
        assertEquals(endpoint(), root.getAttribute("AssertionConsumerServiceURL"));
        assertEquals("public", text(request, "http://eidas.europa.eu/saml-extensions", "SPType"));
        var attributes = request.getElementsByTagNameNS("http://eidas.europa.eu/saml-extensions", "RequestedAttribute");
        assertEquals(4, attributes.getLength());
        for (int i = 0; i < attributes.getLength(); i++) {
            org.w3c.dom.Element a = (org.w3c.dom.Element) attributes.item(i);
            assertEquals("urn:oasis:names:tc:SAML:2.0:attrname-format:uri", a.getAttribute("NameFormat"));
            assertEquals("true", a.getAttribute("isRequired"));
        }
        org.w3c.dom.Element context = (org.w3c.dom.Element) request.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:protocol", "RequestedAuthnContext").item(0);
        assertEquals("minimum", context.getAttribute("Comparison"));
        assertEquals("http://eidas.europa.eu/LoA/substantial", context.getTextContent().trim());
        org.w3c.dom.Element policy = (org.w3c.dom.Element) request.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:protocol", "NameIDPolicy").item(0);
        assertEquals("true", policy.getAttribute("AllowCreate"));

        Init.init();
        root.setIdAttribute("ID", true);
        XMLSignature signature = new XMLSignature((org.w3c.dom.Element) request.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0), "");
        assertEquals("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", signature.getSignedInfo().getSignatureMethodURI());
        assertTrue(signature.checkSignatureValue(spSigning), "signed by the realm's PS256 key");
        assertTrue(((java.security.interfaces.RSAPublicKey) spSigning.getPublicKey()).getModulus().bitLength() >= 3072);
    }

    @Test
    void aNodeSetToEs256GetsAnEcdsaP256SignedRequestAndItsLoginWorks() throws Exception {
        Pending pending = start(EC_NODE_ALIAS);
        Document request = pending.request();
        request.getDocumentElement().setIdAttribute("ID", true);
        Init.init();
        XMLSignature signature = new XMLSignature((org.w3c.dom.Element) request.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0), "");
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", signature.getSignedInfo().getSignatureMethodURI());
        assertTrue(signature.checkSignatureValue(SP_EC.certificate()), "signed by the realm's ES256 key");

        String endpoint = keycloak.realmUrl(realm) + "/broker/" + EC_NODE_ALIAS + "/endpoint";
        EidasNodeResponseBuilder response = new EidasNodeResponseBuilder(NODE_ENTITY_ID + "/ec", keycloak.realmUrl(realm), endpoint,
                pending.requestId(), NODE.keyPair(), NODE.certificate(), spEncryption)
                .attribute(EidasNodeResponseBuilder.PERSON_IDENTIFIER, "ES/IT/EC-0001");
        Page end = pending.browser().postForm(endpoint, Map.of("SAMLResponse", response.base64(), "RelayState", pending.relayState()));
        assertTrue(end.isRedirect() && end.location().startsWith(REDIRECT_URI), () -> end + "\n" + end.body());
        assertEquals("es/it/ec-0001", pending.app().exchange(end.location()).idTokenClaims().getStringClaim("preferred_username"));
    }

    @Test
    void theEidasSpMetadataIsSignedValidForADayAndNamesTheEncryptionKey() throws Exception {
        Page page = new HttpBrowser().get(endpoint() + "/descriptor");
        assertEquals(200, page.status(), page::toString);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document metadata = factory.newDocumentBuilder().parse(new ByteArrayInputStream(page.body().getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.Element root = metadata.getDocumentElement();
        assertEquals(keycloak.realmUrl(realm), root.getAttribute("entityID"));
        java.time.Instant validUntil = java.time.Instant.parse(root.getAttribute("validUntil"));
        assertTrue(validUntil.isAfter(java.time.Instant.now()) && validUntil.isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(2))));
        Init.init();
        root.setIdAttribute("ID", true);
        XMLSignature signature = new XMLSignature((org.w3c.dom.Element) root.getFirstChild(), "");
        assertEquals("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", signature.getSignedInfo().getSignatureMethodURI());
        assertTrue(signature.checkSignatureValue(spSigning));
        var encryptionMethods = metadata.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "EncryptionMethod");
        assertEquals("http://www.w3.org/2009/xmlenc11#aes128-gcm", ((org.w3c.dom.Element) encryptionMethods.item(0)).getAttribute("Algorithm"));
        var keys = metadata.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "KeyDescriptor");
        assertEquals("encryption", ((org.w3c.dom.Element) keys.item(1)).getAttribute("use"));
        assertEquals(Base64.getEncoder().encodeToString(spEncryption.getEncoded()), keys.item(1).getTextContent().trim());
        assertTrue(metadata.getElementsByTagNameNS("urn:oasis:names:tc:SAML:metadata:algsupport", "SigningMethod").getLength() >= 2);
    }

    @Test
    void nativeEidasLoginWithAnEncryptedPssSignedAnswerCreatesTheUserAndTokens() throws Exception {
        Pending pending = start();
        Page end = post(pending, answer(pending));
        assertTrue(end.isRedirect() && end.location().startsWith(REDIRECT_URI), () -> end + "\n" + end.body());
        var claims = pending.app().exchange(end.location()).idTokenClaims();
        assertEquals("es/it/02635542y", claims.getStringClaim("preferred_username"));
        assertEquals("Elena", claims.getStringClaim("given_name"));
        assertEquals("García López", claims.getStringClaim("family_name"));
        assertEquals("ES/IT/02635542Y", claims.getStringClaim("eidas_person_identifier"));
        assertEquals("ES", claims.getStringClaim("eidas_country"));
        assertEquals("http://eidas.europa.eu/LoA/substantial", claims.getStringClaim("acr"));
        JsonNode user = keycloak.admin().findUserByUsername(realm, "es/it/02635542y");
        assertEquals("ES/IT/02635542Y", user.path("attributes").path("eidasPersonIdentifier").path(0).asText());
        assertEquals("1985-03-14", user.path("attributes").path("dateOfBirth").path(0).asText());
        String id = user.path("id").asText();

        Pending again = start();
        Page second = post(again, answer(again).level(EidasNodeResponseBuilder.LOA_HIGH));
        assertTrue(second.isRedirect() && second.location().startsWith(REDIRECT_URI), () -> second + "\n" + second.body());
        assertEquals("http://eidas.europa.eu/LoA/high", again.app().exchange(second.location()).idTokenClaims().getStringClaim("acr"));
        assertEquals(id, keycloak.admin().findUserByUsername(realm, "es/it/02635542y").path("id").asText(), "a repeat login reuses the account");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("LoA low where substantial was requested", r -> r.level(EidasNodeResponseBuilder.LOA_LOW), "eidas.assertion.level"),
                refused("a required attribute missing", r -> r.without(EidasNodeResponseBuilder.DATE_OF_BIRTH), "eidas.assertion.required-attributes"),
                refused("RSA PKCS#1 v1.5 signature", r -> r.signedWith(NODE.keyPair(), NODE.certificate(), EidasNodeResponseBuilder.RSA_SHA256),
                        "eidas.response.signature-algorithm"),
                refused("SHA-1 signature", r -> r.signedWith(NODE.keyPair(), NODE.certificate(), EidasNodeResponseBuilder.RSA_SHA1),
                        "eidas.response.signature-algorithm"),
                refused("RSA key below 3072 bits", r -> r.signedWith(NODE_2048.keyPair(), NODE_2048.certificate(), EidasNodeResponseBuilder.RSA_PSS_SHA256),
                        "eidas.response.signature"),
                refused("unencrypted assertion", EidasNodeResponseBuilder::unencrypted, "eidas.response.encrypted-assertion"),
                refused("unsigned response with an encrypted assertion", EidasNodeResponseBuilder::unsigned, "eidas.response.signed"),
                refused("wrong audience", r -> r.audience("https://other-sp.example"), "eidas.assertion.audience"),
                refused("wrong destination", r -> r.destination("https://elsewhere.example/acs"), "eidas.response.destination"));
    }

    private static Arguments refused(String what, UnaryOperator<EidasNodeResponseBuilder> change, String ruleId) {
        return Arguments.of(what, change, ruleId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedAnswersGet400AndNobodyIsLoggedIn(String what, UnaryOperator<EidasNodeResponseBuilder> change, String ruleId) throws Exception {
        Pending pending = start();
        Page answer = post(pending, change.apply(answer(pending).attribute(EidasNodeResponseBuilder.PERSON_IDENTIFIER, "ES/IT/REFUSED-1")));
        assertEquals(400, answer.status(), () -> what + ": " + answer + "\n" + answer.body());
        assertFalse(answer.isRedirect());
        assertNull(keycloak.admin().findUserByUsername(realm, "es/it/refused-1"), "no user may be created");
        JsonNode events = keycloak.admin().get("/" + realm + "/events?type=LOGIN_ERROR&max=1");
        assertEquals(ruleId, events.path(0).path("details").path("reason").asText(), what);
    }

    private X509Certificate realmCertificate(String use, String algorithm) throws Exception {
        for (JsonNode key : keycloak.admin().get("/" + realm + "/keys").path("keys")) {
            if (use.equals(key.path("use").asText()) && algorithm.equals(key.path("algorithm").asText()) && "ACTIVE".equals(key.path("status").asText())) {
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(key.path("certificate").asText())));
            }
        }
        throw new IllegalStateException("no active " + use + " " + algorithm + " key in " + realm + ": "
                + keycloak.admin().get("/" + realm + "/keys").path("keys"));
    }

    private static String text(Document doc, String ns, String localName) {
        return doc.getElementsByTagNameNS(ns, localName).item(0).getTextContent().trim();
    }

}
