package it.spidonly.keycloak.oidcfed.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OP's trust marks in both spec generations (SPID/CIE: entry {@code id}, marks without {@code typ}; OpenID
 * Federation: entry {@code trust_mark_type}, {@code typ: trust-mark+jwt}); what is refused whatever the generation.
 */
class TrustMarkGenerationsTest {
    private InMemoryFederation federation;

    @BeforeEach
    void federation() {
        federation = new InMemoryFederation();
    }

    @AfterEach
    void close() {
        federation.close();
    }

    /** Serves the OP's configuration with this one trust-marks entry. */
    private void serveWithMark(Map<String, Object> entry) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", federation.op.entityId());
        claims.put("sub", federation.op.entityId());
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("jwks", federation.op.federationKey().jwks());
        claims.put("authority_hints", List.of(federation.anchor.entityId()));
        claims.put("metadata", Map.of("openid_provider", Map.of("issuer", federation.op.entityId(), "jwks", federation.op.protocolKey().jwks())));
        claims.put("trust_marks", List.of(entry));
        federation.replace(StatementSource.entityConfigurationUrl(federation.op.entityId()),
                federation.op.federationKey().sign("entity-statement+jwt", claims));
    }

    private String mark(String typ, String idClaim, String subject) {
        String id = federation.anchor.trustMarkId("openid_provider");
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", federation.anchor.entityId());
        claims.put("sub", subject);
        claims.put(idClaim, id);
        claims.put("iat", now - 10);
        claims.put("exp", now + 3600);
        return federation.anchor.signer().sign(typ, claims);
    }

    @Test
    void spidCieGenerationIdWithoutTyp() throws Exception {
        String id = federation.anchor.trustMarkId("openid_provider");
        serveWithMark(Map.of("id", id, "trust_mark", mark(null, "id", federation.op.entityId())));
        assertEquals(List.of(id), federation.resolveOp().trustMarkIds());
    }

    @Test
    void federationGenerationTrustMarkType() throws Exception {
        String id = federation.anchor.trustMarkId("openid_provider");
        serveWithMark(Map.of("trust_mark_type", id, "trust_mark", mark("trust-mark+jwt", "trust_mark_type", federation.op.entityId())));
        assertEquals(List.of(id), federation.resolveOp().trustMarkIds());
    }

    @Test
    void aMarkOfAnotherTypIsRefused() {
        serveWithMark(Map.of("id", federation.anchor.trustMarkId("openid_provider"), "trust_mark", mark("JWT", "id", federation.op.entityId())));
        assertEquals(ChainCheck.TYP, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @Test
    void aMarkAboutAnotherEntityIsRefused() {
        serveWithMark(Map.of("id", federation.anchor.trustMarkId("openid_provider"),
                "trust_mark", mark("trust-mark+jwt", "id", "https://someone-else.example")));
        assertEquals(ChainCheck.TRUST_MARK_SUBJECT, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @Test
    void aMarkWhoseIdDiffersFromItsEntryIsRefused() {
        serveWithMark(Map.of("id", federation.anchor.entityId() + "/openid_provider/private/",
                "trust_mark", mark("trust-mark+jwt", "id", federation.op.entityId())));
        assertEquals(ChainCheck.TRUST_MARK_SUBJECT, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }

    @Test
    void aMarkFromAnIssuerTheAnchorDoesNotListIsRefused() {
        String id = federation.anchor.trustMarkId("openid_provider");
        long now = Instant.now().getEpochSecond();
        String selfIssued = federation.op.federationKey().sign("trust-mark+jwt", Map.of("iss", federation.op.entityId(),
                "sub", federation.op.entityId(), "id", id, "iat", now, "exp", now + 3600));
        serveWithMark(Map.of("id", id, "trust_mark", selfIssued));
        assertEquals(ChainCheck.TRUST_MARK_ISSUER, assertThrows(TrustChainException.class, federation::resolveOp).check());
    }
}
