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
    /**
     * How the realm is made (issue 19): {@code spidIdps} SPID-profile IdPs in all (the test IdP plus
     * {@code spidIdps - 1} others with their own entityIDs, added by the admin REST API: 12 is AgID's registry, 60
     * a realm with CIE, FICEP and test IdPs to spare), whether a FICEP IdP ({@code eidas-ficep}) answers too, and
     * whether a CIE IdP ({@code cie-saml}, the SP's CIE data set as docs/admin-guide.md says) does.
     */
    public record Shape(int spidIdps, boolean ficep, boolean cie) {
        public Shape {
            if (spidIdps < 1) {
                throw new IllegalArgumentException("at least the test IdP");
            }
        }

        public Shape(int spidIdps, boolean ficep) {
            this(spidIdps, ficep, false);
        }

        /** The issue 11 realm: the test IdP and the stock SAML IdP only. */
        public static Shape minimal() {
            return new Shape(1, false, false);
        }

        /** {@code 12}, {@code 12+ficep}, {@code 12+ficep+cie}, {@code 60+cie}: the SPID IdPs, then the other kinds. */
        public static Shape parse(String spec) {
            String[] parts = spec.trim().split("\\+");
            java.util.Set<String> kinds = new java.util.HashSet<>(List.of(parts).subList(1, parts.length));
            java.util.Set<String> unknown = new java.util.HashSet<>(kinds);
            unknown.removeAll(java.util.Set.of("ficep", "cie"));
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown kinds of IdP in " + spec + ": " + unknown);
            }
            return new Shape(Integer.parseInt(parts[0]), kinds.contains("ficep"), kinds.contains("cie"));
        }

        /** How the report names it: "12 SPID IdPs + FICEP + CIE". */
        public String label() {
            return spidIdps + " SPID IdPs" + (ficep ? " + FICEP" : "") + (cie ? " + CIE" : "");
        }
    }

    public static final String SPID_ALIAS = "spid-test-idp";
    public static final String FICEP_ALIAS = "ficep";
    public static final String CIE_ALIAS = "cie";
    public static final String STOCK_ALIAS = "stock-saml";
    public static final String APP = "ministry-demo-app";
    public static final String REDIRECT_URI = "http://127.0.0.1:1/callback";
    static final String FIRST_LOGIN_FLOW = "spid first broker login";
    /** SPID attribute → Keycloak user attribute, as the SPID IdP stores them. */
    private static final Map<String, String> IMPORTED = attributeImports();

    private final KeycloakAdmin admin;
    private final String baseUrl;
    private final String name;
    private final Shape shape;

    private BenchRealm(KeycloakAdmin admin, String baseUrl, String name, Shape shape) {
        this.admin = admin;
        this.baseUrl = baseUrl;
        this.name = name;
        this.shape = shape;
    }

    /** Creates realm {@code name} on the server at {@code baseUrl} (e.g. {@code http://127.0.0.1:8180}). */
    public static BenchRealm create(KeycloakAdmin admin, String baseUrl, String name, IdpPlayer idp) {
        return create(admin, baseUrl, name, idp, Shape.minimal());
    }

    /** As {@link #create(KeycloakAdmin, String, String, IdpPlayer)}, with {@code shape}'s IdPs. */
    public static BenchRealm create(KeycloakAdmin admin, String baseUrl, String name, IdpPlayer idp, Shape shape) {
        String idpBase = "http://127.0.0.1:1/bench-idp";
        String json = SpidRealm.named(name)
                .testIdp(idpBase, idp.entityId(), idp.credential().certificateBase64())
                .appRedirectUri(REDIRECT_URI)
                .postBindingAuthnRequest(true)
                .toJson();
        admin.importRealm(withSpSettings(json, shape));
        BenchRealm realm = new BenchRealm(admin, baseUrl, name, shape);
        realm.addOtherSpidIdps(shape.spidIdps() - 1);
        if (shape.ficep()) {
            realm.addFicepIdp(idpBase, idp);
        }
        if (shape.cie()) {
            realm.addCieIdp(idpBase, idp);
        }
        realm.addStockIdp(idpBase, idp);
        LoginDriver primer = realm.driver(idp);
        realm.targets().forEach(primer::startOnly);
        return realm;
    }

    /** IdPs like the test IdP (same type, flow and keys) with entityIDs of their own; they never answer. */
    private void addOtherSpidIdps(int count) {
        com.fasterxml.jackson.databind.JsonNode testIdp = admin.get("/" + name + "/identity-provider/instances/" + SPID_ALIAS);
        for (int i = 1; i <= count; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode other = testIdp.deepCopy();
            other.remove("internalId");
            other.put("alias", String.format(java.util.Locale.ROOT, "spid-bench-%02d", i));
            other.put("displayName", "SPID IdP " + i + " (benchmark)");
            ((com.fasterxml.jackson.databind.node.ObjectNode) other.path("config"))
                    .put("idpEntityId", String.format(java.util.Locale.ROOT, "https://idp-%02d.bench.spid-only.example", i));
            admin.post("/" + name + "/identity-provider/instances", other);
        }
    }

    /** The FICEP IdP (type {@code eidas-ficep}, set 99 at L2) as docs/eidas.md has an admin add it; the player answers for it. */
    private void addFicepIdp(String idpBase, IdpPlayer idp) {
        Map<String, String> config = answeredByPlayer(idpBase + "/ficep", idp.ficepEntityId(), idp);
        config.put("ficepEnvironment", "custom");
        config.put("postBindingLogout", "true");
        config.put("attributeConsumingServiceIndex", "99");
        config.put("spidLevel", "2");
        addIdp(FICEP_ALIAS, "eIDAS (FICEP, benchmark)", "eidas-ficep", config);
    }

    /**
     * The CIE IdP (type {@code cie-saml}, environment {@code custom}: the player answers for it) as docs/admin-guide.md,
     * "CIE", has an admin add one from metadata; the SP's CIE data is in the realm's SP settings ({@link #withSpSettings}).
     */
    private void addCieIdp(String idpBase, IdpPlayer idp) {
        Map<String, String> config = answeredByPlayer(idpBase + "/cie", idp.cieEntityId(), idp);
        config.put("cieEnvironment", "custom");
        addIdp(CIE_ALIAS, "CIE (benchmark)", "cie-saml", config);
    }

    /** What an IdP's metadata gives (entityID, SSO/SLO by POST, the player's certificate) for one of the player's roles. */
    private static Map<String, String> answeredByPlayer(String base, String entityId, IdpPlayer idp) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("idpEntityId", entityId);
        config.put("singleSignOnServiceUrl", base + "/sso");
        config.put("singleLogoutServiceUrl", base + "/slo");
        config.put("signingCertificate", idp.credential().certificateBase64());
        config.put("postBindingAuthnRequest", "true");
        config.put("postBindingResponse", "true");
        return config;
    }

    private void addIdp(String alias, String displayName, String providerId, Map<String, String> config) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("alias", alias);
        rep.put("displayName", displayName);
        rep.put("providerId", providerId);
        rep.put("enabled", true);
        rep.put("config", config);
        admin.post("/" + name + "/identity-provider/instances", rep);
    }

    /**
     * The realm template with the SP settings the shape needs: the eIDAS attribute sets 99 and 100 for FICEP
     * (docs/eidas.md), the CIE data (a public SP in Rome) for CIE (docs/cie.md).
     */
    private static String withSpSettings(String realmJson, Shape shape) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode realm = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(realmJson);
            for (com.fasterxml.jackson.databind.JsonNode page : realm.path("components").path("org.keycloak.services.ui.extend.UiPageProvider")) {
                if ("spid-service-provider".equals(page.path("providerId").asText())) {
                    com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode) page.path("config");
                    if (shape.ficep()) {
                        config.putArray("eidasAttributeSets").add("true");
                    }
                    if (shape.cie()) {
                        config.putArray("cieMunicipality").add("H501");
                        config.putArray("cieProvince").add("RM");
                    }
                }
            }
            return mapper.writeValueAsString(realm);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Shape shape() {
        return shape;
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

    /** (c) the FICEP IdP, Response to the shared ACS; only in a realm whose {@link Shape} has it. */
    public Target ficep() {
        return new Target("ficep", FICEP_ALIAS, realmUrl() + "/spid/acs", Target.Answer.FICEP);
    }

    /** (d) the CIE IdP, Response to the shared ACS; only in a realm whose {@link Shape} has it. */
    public Target cie() {
        return new Target("cie", CIE_ALIAS, realmUrl() + "/spid/acs", Target.Answer.CIE);
    }

    public List<Target> targets() {
        List<Target> targets = new java.util.ArrayList<>(List.of(spid(), stock()));
        if (shape.ficep()) {
            targets.add(ficep());
        }
        if (shape.cie()) {
            targets.add(cie());
        }
        return List.copyOf(targets);
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
