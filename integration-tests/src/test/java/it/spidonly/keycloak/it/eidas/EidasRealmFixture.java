package it.spidonly.keycloak.it.eidas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.idp.SpidTestIdp;
import it.spidonly.keycloak.testsupport.idp.SpidTestIdpSettings;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * A fresh ministry realm on the shared Keycloak whose SP publishes the eIDAS attribute sets, with its SPID test IdP
 * and two FICEP IdPs (type {@code eidas-ficep}), each a test IdP in FICEP mode: {@code ficep} asks for set 99 at L2,
 * {@code ficep-full} for set 100 at L3. Made through the admin REST API, as an admin would.
 */
final class EidasRealmFixture implements AutoCloseable {
    static final String APP = "ministry-demo-app";
    static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    static final String SPID_IDP = "spid-test-idp";
    static final String FICEP = "ficep";
    static final String FICEP_FULL = "ficep-full";

    final KeycloakServer keycloak;
    final String name;
    final SpidTestIdp spidIdp;
    final SpidTestIdp ficepIdp;
    final SpidTestIdp ficepFullIdp;

    private EidasRealmFixture(KeycloakServer keycloak, String name, SpidTestIdp spidIdp, SpidTestIdp ficepIdp, SpidTestIdp ficepFullIdp) {
        this.keycloak = keycloak;
        this.name = name;
        this.spidIdp = spidIdp;
        this.ficepIdp = ficepIdp;
        this.ficepFullIdp = ficepFullIdp;
    }

    static EidasRealmFixture create(KeycloakServer keycloak, String prefix, String loginTheme) {
        return create(keycloak, prefix, loginTheme, true);
    }

    /** With {@code fullSetIdp} false the realm has one FICEP IdP only ({@code ficep}). */
    static EidasRealmFixture create(KeycloakServer keycloak, String prefix, String loginTheme, boolean fullSetIdp) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String metadata = keycloak.realmUrl(name) + "/spid/metadata";
        SpidTestIdp spid = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0).spMetadataUrl(metadata).users(TestUser.demoUsers()).build());
        SpidTestIdp ficep = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0).spMetadataUrl(metadata).ficep().build());
        SpidTestIdp ficepFull = SpidTestIdp.start(SpidTestIdpSettings.builder().port(0).spMetadataUrl(metadata).ficep().build());
        SpidRealm realm = SpidRealm.named(name)
                .testIdp(spid.baseUrl(), spid.entityId(), spid.signingCertificateBase64())
                .appRedirectUri(REDIRECT_URI)
                .loginTheme(loginTheme);
        keycloak.admin().importRealm(withEidasAttributeSets(realm.toJson()));
        EidasRealmFixture fixture = new EidasRealmFixture(keycloak, name, spid, ficep, ficepFull);
        fixture.addFicep(FICEP, "eIDAS (FICEP)", ficep, "99", "2");
        if (fullSetIdp) {
            fixture.addFicep(FICEP_FULL, "eIDAS (FICEP, full set)", ficepFull, "100", "3");
        }
        return fixture;
    }

    /** The realm template with the SP setting that publishes sets 99 and 100. */
    private static String withEidasAttributeSets(String realmJson) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode realm = (ObjectNode) json.readTree(realmJson);
            ArrayNode pages = (ArrayNode) realm.path("components").path("org.keycloak.services.ui.extend.UiPageProvider");
            for (var page : pages) {
                if ("spid-service-provider".equals(page.path("providerId").asText())) {
                    ((ObjectNode) page.path("config")).putArray("eidasAttributeSets").add("true");
                }
            }
            return json.writeValueAsString(realm);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void addFicep(String alias, String displayName, SpidTestIdp idp, String attributeSet, String level) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("ficepEnvironment", "custom");
        config.put("idpEntityId", idp.entityId());
        config.put("singleSignOnServiceUrl", idp.ssoUrl());
        config.put("singleLogoutServiceUrl", idp.sloUrl());
        config.put("signingCertificate", idp.signingCertificateBase64());
        config.put("postBindingAuthnRequest", "true");
        config.put("postBindingResponse", "true");
        config.put("postBindingLogout", "true");
        config.put("attributeConsumingServiceIndex", attributeSet);
        config.put("spidLevel", level);
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("alias", alias);
        representation.put("displayName", displayName);
        representation.put("providerId", "eidas-ficep");
        representation.put("enabled", true);
        representation.put("config", config);
        keycloak.admin().create("/" + name + "/identity-provider/instances", representation);
    }

    String realmUrl() {
        return keycloak.realmUrl(name);
    }

    String metadataUrl() {
        return realmUrl() + "/spid/metadata";
    }

    String acsUrl() {
        return realmUrl() + "/spid/acs";
    }

    static TestUser eidasUser(String username) {
        return TestUser.eidasDemoUsers().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    static List<TestUser> spidUsers() {
        return TestUser.demoUsers();
    }

    @Override
    public void close() {
        spidIdp.close();
        ficepIdp.close();
        ficepFullIdp.close();
        keycloak.admin().deleteRealm(name);
    }
}
