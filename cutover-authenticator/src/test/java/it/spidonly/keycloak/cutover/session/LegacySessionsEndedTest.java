package it.spidonly.keycloak.cutover.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;

import it.spidonly.keycloak.cutover.settings.CutoverSettings;

class LegacySessionsEndedTest {
    private static final CutoverSettings MINISTRY = CutoverSettings.MINISTRY_DEFAULT;
    private static final CutoverSettings MOVED = new CutoverSettings(true, LocalDateTime.of(2021, 2, 28, 0, 0), CutoverSettings.DEFAULT_ZONE);

    @Test
    void dueUntilRecordedForThisInstantAndDueAgainWhenTheInstantMoves() {
        ComponentModel component = new ComponentModel();
        component.setConfig(new MultivaluedHashMap<>());
        assertFalse(LegacySessionsEnded.at(component, MINISTRY));

        component.getConfig().putSingle(LegacySessionsEnded.KEY, MINISTRY.isoInstant());
        assertTrue(LegacySessionsEnded.at(component, MINISTRY));
        assertFalse(LegacySessionsEnded.at(component, MOVED));
    }

    @Test
    void oneClaimPerRealmAndInstant() {
        assertEquals(LegacySessionsEnded.claimKey("realm-a", MINISTRY), LegacySessionsEnded.claimKey("realm-a", MINISTRY));
        assertNotEquals(LegacySessionsEnded.claimKey("realm-a", MINISTRY), LegacySessionsEnded.claimKey("realm-b", MINISTRY));
        assertNotEquals(LegacySessionsEnded.claimKey("realm-a", MINISTRY), LegacySessionsEnded.claimKey("realm-a", MOVED));
    }
}
