package it.spidonly.keycloak.testsupport.oidcfed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs a statement of the test federation, broken as asked ({@link TestTrustAnchorBreakage}). */
final class TestTrustAnchorStatements {
    static final String STATEMENT_TYP = "entity-statement+jwt";
    static final String OTHER_ENTITY = "https://someone-else.example";

    private TestTrustAnchorStatements() {
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    /** {@code iat} now, {@code exp} in an hour, unless {@code breakage} says otherwise. */
    static String sign(TestTrustAnchorSigner signer, String typ, Map<String, Object> claims, TestTrustAnchorBreakage breakage,
                       boolean selfIssued) {
        Map<String, Object> c = new LinkedHashMap<>(claims);
        c.putIfAbsent("iat", now());
        c.putIfAbsent("exp", now() + 3600);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("kid", signer.kid());
        header.put("typ", typ);
        switch (breakage) {
            case EXPIRED -> {
                c.put("iat", now() - 7200);
                c.put("exp", now() - 3600);
            }
            case WRONG_SUBJECT -> c.put(selfIssued ? "iss" : "sub", OTHER_ENTITY);
            case OVERSIZED -> c.put("padding", "x".repeat(100_001));
            case ALG_NONE -> header.put("alg", "none");
            case BAD_SIGNATURE -> {
                return TestTrustAnchorSigner.generate().signWithHeader(header, c);
            }
            default -> {
            }
        }
        return signer.signWithHeader(header, c);
    }
}
