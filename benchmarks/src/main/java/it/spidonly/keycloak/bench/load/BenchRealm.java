package it.spidonly.keycloak.bench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.spidonly.keycloak.testsupport.keycloak.KeycloakAdmin;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * The benchmark realm: the project's realm template ({@link SpidRealm}: the SPID SP, the SPID IdP {@value #SPID_ALIAS}
 * of type {@code spid-saml}, the public PKCE app) plus Keycloak's stock SAML IdP {@value #STOCK_ALIAS} (provider
 * {@code saml}) configured against the same test IdP entity with the same keys: the same SP entityID (Audience),
 * signed HTTP-POST AuthnRequests, validated Response and Assertion signatures, principal = the
 * {@code fiscalNumber} attribute, sync mode FORCE, and attribute importers for the same SPID attributes the SPID IdP
 * stores. Both IdPs use the realm's "spid first broker login" flow (link by fiscal number or create the user), so
 * the first login does the same work on both sides.
 */
public final class BenchRealm {
    public static final String SPID_ALIAS = "spid-test-idp";
    public static final String STOCK_ALIAS = "stock-saml";
    public static final String APP = "ministry-demo-app";
    public static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    static final String FIRST_LOGIN_FLOW = "spid first broker login";
    /** SPID attribute → Keycloak user attribute, as the SPID IdP stores them. */
    private static final Map<String, String> IMPORTED = attributeImports();

    private final KeycloakAdmin admin;
    private final String baseUrl;
    private final String name;

    private BenchRealm(KeycloakAdmin admin, String baseUrl, String name) {
        this.admin = admin;
        this.baseUrl = baseUrl;
        this.name = name;
    }

    /** Creates realm {@code name} on the server at {@code baseUrl} (e.g. {@code http://127.0.0.1:8180}). */
    public static BenchRealm create(KeycloakAdmin admin, String baseUrl, String name, IdpPlayer idp) {
        String idpBase = "http://127.0.0.1:1/bench-idp";
        String json = SpidRealm.named(name)
                .testIdp(idpBase, idp.entityId(), idp.credential().certificateBase64())
                .appRedirectUri(REDIRECT_URI)
                .postBindingAuthnRequest(true)
                .toJson();
        admin.importRealm(json);
        BenchRealm realm = new BenchRealm(admin, baseUrl, name);
        realm.addStockIdp(idpBase, idp);
        LoginDriver primer = realm.driver(idp);
        realm.targets().forEach(primer::startOnly);
        return realm;
    }

    private void addStockIdp(String idpBase, IdpPlayer idp) {
        // the SP entityID of the realm template's SPID SP, so both brokers answer to the same Audience
        String spEntityId = SpidRealm.named(name).spEntityId();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("entityId", spEntityId);
        config.put("idpEntityId", idp.entityId());
        config.put("singleSignOnServiceUrl", idpBase + "/sso");
        config.put("singleLogoutServiceUrl", idpBase + "/slo");
        config.put("signingCertificate", idp.credential().certificateBase64());
        config.put("postBindingAuthnRequest", "true");
        config.put("postBindingResponse", "true");
        config.put("postBindingLogout", "true");
        config.put("validateSignature", "true");
        config.put("wantAuthnRequestsSigned", "true");
        config.put("wantAssertionsSigned", "true");
        config.put("signatureAlgorithm", "RSA_SHA256");
        config.put("principalType", "ATTRIBUTE");
        config.put("principalAttribute", "fiscalNumber");
        config.put("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
        config.put("authnContextClassRefs", "[\"https://www.spid.gov.it/SpidL2\"]");
        config.put("authnContextComparisonType", "minimum");
        config.put("attributeConsumingServiceIndex", "0");
        config.put("syncMode", "FORCE");
        config.put("allowedClockSkew", "60");
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("alias", STOCK_ALIAS);
        rep.put("displayName", "Stock SAML broker (benchmark)");
        rep.put("providerId", "saml");
        rep.put("enabled", true);
        rep.put("trustEmail", true);
        rep.put("storeToken", false);
        rep.put("firstBrokerLoginFlowAlias", FIRST_LOGIN_FLOW);
        rep.put("config", config);
        admin.post("/" + name + "/identity-provider/instances", rep);
        for (Map.Entry<String, String> imported : IMPORTED.entrySet()) {
            Map<String, Object> mapper = new LinkedHashMap<>();
            mapper.put("name", imported.getKey());
            mapper.put("identityProviderAlias", STOCK_ALIAS);
            mapper.put("identityProviderMapper", "saml-user-attribute-idp-mapper");
            mapper.put("config", Map.of("syncMode", "INHERIT", "attribute.name", imported.getKey(), "user.attribute", imported.getValue()));
            admin.post("/" + name + "/identity-provider/instances/" + STOCK_ALIAS + "/mappers", mapper);
        }
    }

    private static Map<String, String> attributeImports() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fiscalNumber", "fiscalNumber");
        m.put("name", "firstName");
        m.put("familyName", "lastName");
        m.put("email", "email");
        m.put("dateOfBirth", "dateOfBirth");
        m.put("spidCode", "spidCode");
        return m;
    }

    public String name() {
        return name;
    }

    public String realmUrl() {
        return baseUrl + "/realms/" + name;
    }

    /** (a) the bundle's SPID IdP, Response to the shared ACS. */
    public Target spid() {
        return new Target("spid", SPID_ALIAS, realmUrl() + "/spid/acs");
    }

    /** (b) Keycloak's stock SAML IdP, Response to its broker endpoint. */
    public Target stock() {
        return new Target("stock", STOCK_ALIAS, realmUrl() + "/broker/" + STOCK_ALIAS + "/endpoint");
    }

    public List<Target> targets() {
        return List.of(spid(), stock());
    }

    public LoginDriver driver(IdpPlayer idp) {
        return new LoginDriver(realmUrl(), APP, REDIRECT_URI, idp);
    }

    /** Number of users of the realm (admin count endpoint). */
    public int userCount() {
        return admin.get("/" + name + "/users/count").asInt();
    }

    /** The identity-provider aliases the user {@code username} is linked to (empty when there is no such user). */
    public List<String> linkedIdps(String username) {
        var user = admin.findUserByUsername(name, username);
        if (user == null) {
            return List.of();
        }
        var links = admin.get("/" + name + "/users/" + user.path("id").asText() + "/federated-identity");
        java.util.List<String> aliases = new java.util.ArrayList<>();
        links.forEach(l -> aliases.add(l.path("identityProvider").asText()));
        return aliases;
    }

    /** The user named {@code username} (admin representation), or null. */
    public com.fasterxml.jackson.databind.JsonNode user(String username) {
        return admin.findUserByUsername(name, username);
    }

    public void delete() {
        admin.deleteRealm(name);
    }
}
