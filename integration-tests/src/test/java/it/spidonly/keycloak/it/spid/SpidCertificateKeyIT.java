package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.saml.common.util.DocumentUtil;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.spid.keys.SpidCertificateProfile;
import it.spidonly.keycloak.spid.sp.SpType;
import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15 finding 9: the "SPID SP certificate" key provider, added as docs/admin-guide.md ("SP signing key") says,
 * through the admin REST API, to an empty realm with a SPID SP. Its certificate follows AgID's profile, signs the
 * metadata (checked by xmlsec1), and a passive one is published as the next key before it signs.
 */
@ExtendWith(KeycloakServer.class)
class SpidCertificateKeyIT {
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String KEY_PROVIDER = "org.keycloak.keys.KeyProvider";
    private KeycloakServer keycloak;
    private String realm;
    private String realmId;

    @BeforeEach
    void emptyRealmWithServiceProvider(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        realm = "spid-key-" + System.nanoTime();
        keycloak.admin().importRealm("{\"realm\":\"" + realm + "\",\"enabled\":true}");
        realmId = keycloak.admin().get("/" + realm).path("id").asText();
    }

    @AfterEach
    void dropRealm() {
        keycloak.admin().deleteRealm(realm);
    }

    @Test
    void theRealmsDefaultKeyFailsTheProfileAndTheSpidKeyPassesIt() throws Exception {
        addServiceProvider();
        X509Certificate defaultKey = certificate(rs256Key(List.of("rsa-generated")).path("certificate").asText());
        assertEquals(8, SpidCertificateProfile.failures(defaultKey, SpType.PUBLIC).size(),
                "Keycloak's generated key: " + SpidCertificateProfile.failures(defaultKey, SpType.PUBLIC));

        String providerId = addKeyProvider("spid-sp-certificate", true);
        JsonNode key = keyOf(providerId);
        X509Certificate spidKey = certificate(key.path("certificate").asText());
        assertEquals(List.of(), SpidCertificateProfile.failures(spidKey, SpType.PUBLIC));
        assertEquals(3072, ((RSAPublicKey) spidKey.getPublicKey()).getModulus().bitLength());
        assertTrue(spidKey.getSubjectX500Principal().toString().contains("PA:IT-m_lps"), spidKey.getSubjectX500Principal().toString());
        assertTrue(spidKey.getSubjectX500Principal().toString().contains("https://sp.lavoro.example/" + realm), "entityID as uri");

        JsonNode component = keycloak.admin().get("/" + realm + "/components/" + providerId);
        assertFalse(component.path("config").has("privateKey"), "the private key never leaves the server");

        String metadata = metadata();
        assertEquals(List.of(key.path("certificate").asText()), keyDescriptorCertificates(metadata),
                "the SPID key signs (the SP settings name no key: the active SPID SP certificate is the one)");
        Xmlsec1.Result xmlsec = Xmlsec1.verify(metadata, pem(key.path("certificate").asText()), MD + ":EntityDescriptor");
        assertTrue(xmlsec.verified(), xmlsec.output());
    }

    @Test
    void aPassiveKeyIsPublishedAsTheNextKeyAndTakesOverWithoutAGap() throws Exception {
        addServiceProvider();
        String current = addKeyProvider("spid-current", true);
        String next = addKeyProvider("spid-next", false);
        String currentCert = keyOf(current).path("certificate").asText();
        String nextCert = keyOf(next).path("certificate").asText();

        String before = metadata();
        assertEquals(List.of(currentCert, nextCert), keyDescriptorCertificates(before), "signing key first, then the next key");
        assertTrue(Xmlsec1.verify(before, pem(currentCert), MD + ":EntityDescriptor").verified(), "the current key still signs");

        setActive(next, true);
        setActive(current, false);
        String after = metadata();
        assertEquals(List.of(nextCert, currentCert), keyDescriptorCertificates(after), "the new key signs; the old one is still published");
        assertTrue(Xmlsec1.verify(after, pem(nextCert), MD + ":EntityDescriptor").verified());

        setEnabled(current, false);
        assertEquals(List.of(nextCert), keyDescriptorCertificates(metadata()), "a disabled old key leaves the metadata");
    }

    @Test
    void theSpSettingsMayNameTheSpidKeyById() throws Exception {
        String spId = addServiceProvider();
        String providerId = addKeyProvider("spid-sp-certificate", false);
        JsonNode key = keyOf(providerId);
        JsonNode sp = keycloak.admin().get("/" + realm + "/components/" + spId);
        ((ObjectNode) sp.path("config")).putArray("signingKeyId").add(key.path("kid").asText());
        assertEquals(204, keycloak.admin().send("PUT", "/" + realm + "/components/" + spId, sp).statusCode());
        assertEquals(key.path("certificate").asText(), keyDescriptorCertificates(metadata()).get(0));
    }

    @Test
    void withoutSpSettingsOrLocalityTheProviderIsRefusedWithAMessage() {
        HttpResponse<String> noSp = keycloak.admin().send("POST", "/" + realm + "/components", keyProvider("spid", true, "Roma"));
        assertEquals(400, noSp.statusCode());
        assertEquals("SPID: set up the SPID service provider of the realm first: the certificate's subject comes from its settings.",
                errorMessage(noSp));
        addServiceProvider();
        HttpResponse<String> noLocality = keycloak.admin().send("POST", "/" + realm + "/components", keyProvider("spid", true, null));
        assertEquals(400, noLocality.statusCode());
        assertEquals("SPID: the certificate needs the locality (L) of the organisation's seat, e.g. Roma.", errorMessage(noLocality));
        HttpResponse<String> smallKey = keycloak.admin().send("POST", "/" + realm + "/components",
                withConfig(keyProvider("spid", true, "Roma"), "keySize", "2048"));
        assertEquals(400, smallKey.statusCode());
        assertEquals(0, keycloak.admin().get("/" + realm + "/components?type=" + KEY_PROVIDER).findValuesAsText("providerId").stream()
                .filter("spid-sp-certificate"::equals).count(), "nothing was saved");
    }

    private String addServiceProvider() {
        return AdminGuideRealm.createServiceProvider(keycloak.admin(), realm,
                AdminGuideRealm.spSettings("https://sp.lavoro.example/" + realm, "fiscalNumber", "name", "familyName"));
    }

    private String addKeyProvider(String name, boolean active) {
        return keycloak.admin().create("/" + realm + "/components", keyProvider(name, active, "Roma"));
    }

    private Map<String, Object> keyProvider(String name, boolean active, String locality) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("priority", List.of("50"));
        config.put("active", List.of(String.valueOf(active)));
        if (locality != null) {
            config.put("localityName", List.of(locality));
        }
        return new LinkedHashMap<>(Map.of("name", name, "providerId", "spid-sp-certificate", "providerType", KEY_PROVIDER,
                "parentId", realmId, "config", config));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withConfig(Map<String, Object> component, String key, String value) {
        ((Map<String, Object>) component.get("config")).put(key, List.of(value));
        return component;
    }

    private void setActive(String providerId, boolean active) {
        setFlag(providerId, "active", active);
    }

    private void setEnabled(String providerId, boolean enabled) {
        setFlag(providerId, "enabled", enabled);
    }

    private void setFlag(String providerId, String flag, boolean value) {
        JsonNode component = keycloak.admin().get("/" + realm + "/components/" + providerId);
        ((ObjectNode) component.path("config")).putArray(flag).add(String.valueOf(value));
        HttpResponse<String> saved = keycloak.admin().send("PUT", "/" + realm + "/components/" + providerId, component);
        assertEquals(204, saved.statusCode(), saved.body());
    }

    private JsonNode keyOf(String providerId) {
        for (JsonNode k : keycloak.admin().get("/" + realm + "/keys").path("keys")) {
            if (providerId.equals(k.path("providerId").asText())) {
                return k;
            }
        }
        throw new AssertionError("no key of provider " + providerId);
    }

    private JsonNode rs256Key(List<String> providerNames) {
        JsonNode components = keycloak.admin().get("/" + realm + "/components?type=" + KEY_PROVIDER);
        for (JsonNode c : components) {
            if (providerNames.contains(c.path("providerId").asText())) {
                JsonNode key = keyOf(c.path("id").asText());
                if ("RS256".equals(key.path("algorithm").asText())) {
                    return key;
                }
            }
        }
        throw new AssertionError("no RS256 key of " + providerNames);
    }

    private String metadata() {
        Page page = new HttpBrowser().get(keycloak.realmUrl(realm) + "/spid/metadata");
        assertEquals(200, page.status(), page.body());
        return page.body();
    }

    private static List<String> keyDescriptorCertificates(String metadata) throws Exception {
        Element root = DocumentUtil.getDocument(metadata).getDocumentElement();
        Element sp = SpMetadataIT.one(root, MD, "SPSSODescriptor");
        return SpMetadataIT.all(sp, MD, "KeyDescriptor").stream()
                .peek(kd -> assertEquals("signing", kd.getAttribute("use")))
                .map(kd -> kd.getElementsByTagNameNS(DS, "X509Certificate").item(0).getTextContent().trim()).toList();
    }

    private static X509Certificate certificate(String base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String base64) {
        return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    }

    private static String errorMessage(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body()).path("errorMessage").asText();
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
