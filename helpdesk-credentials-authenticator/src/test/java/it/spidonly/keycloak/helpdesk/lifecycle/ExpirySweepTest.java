package it.spidonly.keycloak.helpdesk.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which users the expiry sweep signs out: issued, past expiry, not yet done. */
class ExpirySweepTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "ISSUED, 2026-12-01T09:59:59Z, NONE, true",
            "ISSUED, 2026-12-01T10:00:00Z, NONE, true",
            "ISSUED, 2026-12-01T10:00:01Z, NONE, false",
            "ISSUED, 2026-12-01T09:00:00Z, 2026-12-01T09:01:00Z, false",
            "REVOKED, 2026-12-01T09:00:00Z, NONE, false",
            "PENDING, NONE, NONE, false",
            "ISSUED, NONE, NONE, false"})
    void dueUsers(String state, String expiresAt, String signedOutAt, boolean due) {
        assertEquals(due, ExpirySweep.isDue(Optional.of(CredentialState.valueOf(state)),
                Optional.ofNullable(expiresAt).map(Instant::parse), signedOutAt, NOW));
    }
}
