package it.spidonly.keycloak.cutover.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import it.spidonly.keycloak.cutover.settings.CutoverSettings;

class LegacySessionsEndedTest {
    private static final CutoverSettings MINISTRY = CutoverSettings.MINISTRY_DEFAULT;
    private static final CutoverSettings MOVED = new CutoverSettings(true, LocalDateTime.of(2021, 2, 28, 0, 0), CutoverSettings.DEFAULT_ZONE);

    @Test
    void oneClaimPerRealmAndInstantAndMovingTheInstantMakesItDueAgain() {
        assertEquals(LegacySessionsEnded.claimKey("realm-a", MINISTRY), LegacySessionsEnded.claimKey("realm-a", MINISTRY));
        assertNotEquals(LegacySessionsEnded.claimKey("realm-a", MINISTRY), LegacySessionsEnded.claimKey("realm-b", MINISTRY));
        assertNotEquals(LegacySessionsEnded.claimKey("realm-a", MINISTRY), LegacySessionsEnded.claimKey("realm-a", MOVED));
        assertNotEquals(LegacySessionsEnded.doneKey("realm-a", MINISTRY), LegacySessionsEnded.doneKey("realm-a", MOVED));
    }

    @Test
    void theDoneRecordIsNotTheClaim() {
        assertNotEquals(LegacySessionsEnded.claimKey("realm-a", MINISTRY), LegacySessionsEnded.doneKey("realm-a", MINISTRY),
                "a claim that expires must not look like a finished job");
    }
}
