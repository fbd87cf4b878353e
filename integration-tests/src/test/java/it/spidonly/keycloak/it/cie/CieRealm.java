package it.spidonly.keycloak.it.cie;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * A realm set up as docs/admin-guide.md tells an administrator, "CIE" section included, through the admin REST API
 * from an empty realm ({@link AdminGuideRealm}'s steps, then the CIE ones): the CIE data on the SP component
 * ({@code PUT .../components/{id}}) and a {@code cie-saml} IdP from the test IdP's CIE metadata (environment
 * {@code custom}).
 */
final class CieRealm implements AutoCloseable {
    static final String CIE_ALIAS = "cie";
    private static final ObjectMapper JSON = new ObjectMapper();

    final AdminGuideRealm realm;

    private CieRealm(AdminGuideRealm realm) {
        this.realm = realm;
    }

    /** The guide's SPID steps (SP, SPID test IdP, app), then its CIE steps with a public SP in Rome. */
    static CieRealm complete(KeycloakServer keycloak, String prefix) {
        AdminGuideRealm realm = AdminGuideRealm.empty(keycloak, prefix, TestUser.demoUsers()).realmSettings().serviceProvider().spidIdp().app();
        CieRealm cie = new CieRealm(realm);
        cie.cieData(Map.of("cieMunicipality", "H501", "cieProvince", "RM"));
        cie.cieIdp();
        return cie;
    }

    /** The CIE steps on a realm already set up by the guide's SPID steps. */
    static CieRealm of(AdminGuideRealm realm) {
        return new CieRealm(realm);
    }

    KeycloakAdmin admin() {
        return realm.admin();
    }

    String name() {
        return realm.name;
    }

    String cieMetadataUrl() {
        return realm.realmUrl() + "/spid/cie/metadata";
    }

    /** CIE step 1: the CIE section of the SP page ({@code PUT .../components/{id}} with the CIE keys added). */
    void cieData(Map<String, String> cie) {
        JsonNode component = spComponent();
        @SuppressWarnings("unchecked")
        Map<String, Object> rep = JSON.convertValue(component, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) rep.get("config"));
        cie.forEach((key, value) -> config.put(key, List.of(value)));
        rep.put("config", config);
        admin().put("/" + name() + "/components/" + component.path("id").asText(), rep);
    }

    /** The SPID/CIE SP component of the realm. */
    JsonNode spComponent() {
        for (JsonNode c : admin().get("/" + name() + "/components?type=org.keycloak.services.ui.extend.UiPageProvider")) {
            if ("spid-service-provider".equals(c.path("providerId").asText())) {
                return c;
            }
        }
        throw new IllegalStateException("no SP component in " + name());
    }

    /** CIE step 2: a CIE IdP from metadata ({@code import-config} with {@code cie-saml}, then {@code instances}). */
    void cieIdp() {
        JsonNode parsed = admin().post("/" + name() + "/identity-provider/import-config",
                Map.of("providerId", "cie-saml", "fromUrl", realm.idp.cieMetadataUrl()));
        admin().post("/" + name() + "/identity-provider/instances", Map.of("alias", CIE_ALIAS, "displayName", "CIE",
                "providerId", "cie-saml", "enabled", true, "config", JSON.convertValue(parsed, Map.class)));
    }

    @Override
    public void close() {
        realm.close();
    }
}
