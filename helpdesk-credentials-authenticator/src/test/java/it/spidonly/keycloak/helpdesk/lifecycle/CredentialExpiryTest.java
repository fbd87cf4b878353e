package it.spidonly.keycloak.helpdesk.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** helpdesk.md, Lifecycle: the earlier of the document's expiry and the policy cap. */
class CredentialExpiryTest {
    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource({
            // document expiry, cap, expected end
            "2027-06-30, P2Y, 2027-06-30T22:00:00Z",   // the document ends first: its whole last day (CEST)
            "2027-01-15, P2Y, 2027-01-15T23:00:00Z",   // (CET)
            "2035-01-01, P2Y, 2028-12-01T10:00:00Z",   // the cap ends first
            "2035-01-01, P6M, 2027-06-01T09:00:00Z",   // six calendar months in Rome: 11:00 CET to 11:00 CEST
            "2035-01-01, PT24H, 2026-12-02T10:00:00Z",
            "2026-12-01, P2Y, 2026-12-01T23:00:00Z",   // expiring today: valid until midnight
            "2028-12-01, P2Y, 2028-12-01T10:00:00Z"})  // same day: the cap's instant is earlier
    void earlierOfDocumentAndCap(String documentExpiry, String cap, String expected) {
        assertEquals(Instant.parse(expected),
                CredentialExpiry.of(LocalDate.parse(documentExpiry), ISSUED, ValidityCap.parse(cap).orElseThrow()));
    }

    @Test
    void theDefaultCapIsTwoYears() {
        assertEquals("P2Y", ValidityCap.parse(null).orElseThrow().text());
        assertEquals("P2Y", ValidityCap.parse(" ").orElseThrow().text());
    }

    @ParameterizedTest
    @CsvSource({"P0D", "PT0S", "-P1Y", "two years", "P", "PT-5M"})
    void badCapsAreRefused(String cap) {
        assertTrue(ValidityCap.parse(cap).isEmpty(), cap);
    }

    @Test
    void expiredFromTheInstantOn() {
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        assertFalse(CredentialExpiry.isExpired(end, end.minusMillis(1)));
        assertTrue(CredentialExpiry.isExpired(end, end));
        assertTrue(CredentialExpiry.isExpired(end, end.plusSeconds(1)));
    }
}
