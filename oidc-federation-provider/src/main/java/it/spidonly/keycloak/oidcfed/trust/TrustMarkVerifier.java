package it.spidonly.keycloak.oidcfed.trust;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Static validation of an entity's trust marks (OpenID Federation §trust_marks; SPID/CIE OIDC Federation,
 * trust_marks): each entry of the entity configuration's {@code trust_marks} ({@code {"id", "trust_mark"}} in the
 * SPID/CIE generation, {@code {"trust_mark_type", "trust_mark"}} in FED; both accepted) is a JWT of {@code typ}
 * {@code trust-mark+jwt} (older marks carry no typ), issued by the trust anchor or an issuer the trust anchor lists in
 * {@code trust_mark_issuers} for that id, signed by it, about this entity, not expired. The entity needs at least one
 * valid mark; when none is valid, the first failure names the check. (A revoked mark passes static validation.)
 */
final class TrustMarkVerifier {
    static final int MAX_MARKS = 16;
    private final StatementTimes times;
    private final IssuerKeys issuerKeys;

    /** The federation keys of a trust-mark issuer other than the trust anchor, or null when unknown. */
    interface IssuerKeys {
        JsonNode of(String issuer) throws TrustChainException;
    }

    TrustMarkVerifier(StatementTimes times, IssuerKeys issuerKeys) {
        this.times = times;
        this.issuerKeys = issuerKeys;
    }

    /** The ids of the valid trust marks; at least one, else the first failure. */
    List<String> verify(String subject, JsonNode entries, String trustAnchorId, JsonNode trustAnchorKeys, JsonNode trustMarkIssuers)
            throws TrustChainException {
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw ChainCheck.fail(ChainCheck.TRUST_MARK_MISSING, subject + " shows no trust mark");
        }
        List<String> valid = new ArrayList<>();
        TrustChainException first = null;
        int seen = 0;
        for (JsonNode entry : entries) {
            if (++seen > MAX_MARKS) {
                break;
            }
            try {
                valid.add(verifyOne(subject, entry, trustAnchorId, trustAnchorKeys, trustMarkIssuers));
            } catch (TrustChainException e) {
                first = first == null ? e : first;
            }
        }
        if (valid.isEmpty()) {
            throw first;
        }
        return valid;
    }

    private String verifyOne(String subject, JsonNode entry, String trustAnchorId, JsonNode trustAnchorKeys, JsonNode issuers)
            throws TrustChainException {
        String jwt = entry.path("trust_mark").asText(null);
        if (jwt == null) {
            throw ChainCheck.fail(ChainCheck.TRUST_MARK_MISSING, "a trust_marks entry without trust_mark");
        }
        SignedStatement mark = SignedStatement.parse(jwt, "trust-mark+jwt", true);
        JsonNode claims = mark.claims();
        String id = claims.hasNonNull("trust_mark_type") ? claims.get("trust_mark_type").asText() : claims.path("id").asText("");
        String entryId = entry.hasNonNull("trust_mark_type") ? entry.get("trust_mark_type").asText() : entry.path("id").asText(id);
        if (id.isEmpty() || !id.equals(entryId) || !subject.equals(mark.sub())) {
            throw ChainCheck.fail(ChainCheck.TRUST_MARK_SUBJECT, "trust mark " + id + " is not about " + subject);
        }
        JsonNode keys;
        if (trustAnchorId.equals(mark.iss())) {
            keys = trustAnchorKeys;
        } else if (listed(issuers, id, mark.iss())) {
            keys = issuerKeys.of(mark.iss());
        } else {
            throw ChainCheck.fail(ChainCheck.TRUST_MARK_ISSUER, mark.iss() + " may not issue " + id);
        }
        mark.verify(keys, ChainCheck.TRUST_MARK_SIGNATURE);
        JsonNode iat = claims.get("iat");
        if (iat == null || !iat.canConvertToLong() || iat.asLong() > times.now() + times.leeway().toSeconds()) {
            throw ChainCheck.fail(ChainCheck.TRUST_MARK_EXPIRED, "trust mark " + id + ": iat missing or in the future");
        }
        JsonNode exp = claims.get("exp");
        if (exp != null && (!exp.canConvertToLong() || exp.asLong() <= times.now() - times.leeway().toSeconds())) {
            throw ChainCheck.fail(ChainCheck.TRUST_MARK_EXPIRED, "trust mark " + id + " expired");
        }
        return id;
    }

    private static boolean listed(JsonNode issuers, String id, String issuer) {
        JsonNode list = issuers == null ? null : issuers.get(id);
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode i : list) {
            if (issuer.equals(i.asText())) {
                return true;
            }
        }
        return false;
    }
}
