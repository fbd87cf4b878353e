package it.spidonly.keycloak.helpdesk.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a help-desk credential stops working (helpdesk.md, Lifecycle): the earlier of the end of the document's
 * expiry day and the issuance instant plus the policy cap. A document is valid through its expiry date, so its last
 * instant is the next midnight on the ministry's calendar (Europe/Rome).
 */
public final class CredentialExpiry {
    public static final ZoneId MINISTRY_ZONE = ZoneId.of("Europe/Rome");

    private CredentialExpiry() {
    }

    public static Instant of(LocalDate documentExpiry, Instant issuedAt, ValidityCap cap) {
        Instant documentEnd = endOfDay(documentExpiry);
        Instant capped = cap.after(issuedAt, MINISTRY_ZONE);
        return documentEnd.isBefore(capped) ? documentEnd : capped;
    }

    /** The first instant after {@code date} on the ministry's calendar. */
    public static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(MINISTRY_ZONE).toInstant();
    }

    /** True from the expiry instant on. */
    public static boolean isExpired(Instant expiresAt, Instant now) {
        return !now.isBefore(expiresAt);
    }
}
