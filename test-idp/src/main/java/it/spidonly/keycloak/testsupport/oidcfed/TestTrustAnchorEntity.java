package it.spidonly.keycloak.testsupport.oidcfed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test leaf entity (an OP-like {@code openid_provider} by default) served by the {@link TestTrustAnchor}'s server at
 * {@code {trust anchor}/entities/{name}}: its entity configuration, signed with its own federation key, with
 * {@code authority_hints} to the trust anchor and the trust mark the anchor issued to it at enrolment. Its protocol
 * keys are a second key. {@link #breakage} breaks its configuration for the refusal tests.
 */
public final class TestTrustAnchorEntity {
    private final TestTrustAnchor anchor;
    private final String entityId;
    private final String entityType;
    private final TestTrustAnchorSigner federationKey = TestTrustAnchorSigner.generate();
    private final TestTrustAnchorSigner protocolKey = TestTrustAnchorSigner.generate();
    private final Map<String, Object> metadata;
    private volatile List<String> trustMarks = List.of();
    private volatile TestTrustAnchorBreakage breakage = TestTrustAnchorBreakage.NONE;

    TestTrustAnchorEntity(TestTrustAnchor anchor, String entityId, String entityType, Map<String, Object> metadata) {
        this.anchor = anchor;
        this.entityId = entityId;
        this.entityType = entityType;
        this.metadata = new LinkedHashMap<>(metadata == null ? defaultOpenIdProvider(entityId) : metadata);
        this.metadata.putIfAbsent("jwks", protocolKey.jwks());
    }

    /** OP metadata as the SPID/CIE rules describe it (metadata_oidc_op), with this entity's protocol key. */
    static Map<String, Object> defaultOpenIdProvider(String entityId) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("issuer", entityId);
        op.put("authorization_endpoint", entityId + "/authorization");
        op.put("token_endpoint", entityId + "/token");
        op.put("userinfo_endpoint", entityId + "/userinfo");
        op.put("revocation_endpoint", entityId + "/revocation");
        op.put("client_registration_types_supported", List.of("automatic"));
        op.put("request_authentication_methods_supported", Map.of("authorization_endpoint", List.of("request_object")));
        op.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        op.put("id_token_signing_alg_values_supported", List.of("RS256", "RS512"));
        op.put("userinfo_encryption_alg_values_supported", List.of("RSA-OAEP", "RSA-OAEP-256"));
        op.put("userinfo_encryption_enc_values_supported", List.of("A128CBC-HS256", "A256CBC-HS512"));
        op.put("acr_values_supported", List.of("https://www.spid.gov.it/SpidL1", "https://www.spid.gov.it/SpidL2", "https://www.spid.gov.it/SpidL3"));
        op.put("organization_name", "Test OP");
        return op;
    }

    public String entityId() {
        return entityId;
    }

    public String entityType() {
        return entityType;
    }

    public TestTrustAnchorSigner federationKey() {
        return federationKey;
    }

    public TestTrustAnchorSigner protocolKey() {
        return protocolKey;
    }

    /** Changes a member of this entity's metadata (e.g. to break the trust anchor's metadata policy). */
    public TestTrustAnchorEntity metadata(String member, Object value) {
        if (value == null) {
            metadata.remove(member);
        } else {
            metadata.put(member, value);
        }
        return this;
    }

    public TestTrustAnchorEntity breakage(TestTrustAnchorBreakage breakage) {
        this.breakage = breakage;
        return this;
    }

    void trustMarks(List<String> marks) {
        this.trustMarks = List.copyOf(marks);
    }

    /** The signed entity configuration, as served. */
    public String entityConfiguration() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", entityId);
        claims.put("sub", entityId);
        claims.put("jwks", federationKey.jwks());
        claims.put("authority_hints", List.of(anchor.entityId()));
        claims.put("metadata", Map.of(entityType, metadata));
        List<Map<String, Object>> marks = new ArrayList<>();
        if (breakage != TestTrustAnchorBreakage.NO_TRUST_MARK) {
            String id = anchor.trustMarkId(entityType);
            String mark = switch (breakage) {
                case TRUST_MARK_EXPIRED -> anchor.issueTrustMark(entityId, id, TestTrustAnchorStatements.now() - 3600);
                case TRUST_MARK_FORGED -> anchor.forgeTrustMark(entityId, id);
                default -> trustMarks.isEmpty() ? null : trustMarks.get(0);
            };
            if (mark != null) {
                marks.add(Map.of("id", id, "trust_mark", mark));
            }
        }
        claims.put("trust_marks", marks);
        TestTrustAnchorBreakage own = switch (breakage) {
            case NO_TRUST_MARK, TRUST_MARK_EXPIRED, TRUST_MARK_FORGED -> TestTrustAnchorBreakage.NONE;
            default -> breakage;
        };
        return TestTrustAnchorStatements.sign(federationKey, TestTrustAnchorStatements.STATEMENT_TYP, claims, own, true);
    }
}
