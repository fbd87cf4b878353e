package it.spidonly.keycloak.helpdesk.lifecycle;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The policy cap on a credential's life (helpdesk.md, Lifecycle): an ISO-8601 period ({@code P2Y}, {@code P6M}) or
 * duration ({@code PT12H}), from the realm attribute {@code helpdesk.credentialMaxValidity}; default two years.
 */
public record ValidityCap(String text, Period period, Duration duration) {
    public static final String REALM_ATTRIBUTE = "helpdesk.credentialMaxValidity";
    public static final String DEFAULT = "P2Y";

    /** The cap in {@code value}, empty when it is not a positive ISO-8601 period or duration. */
    public static Optional<ValidityCap> parse(String value) {
        String text = value == null || value.isBlank() ? DEFAULT : value.strip();
        try {
            if (text.startsWith("PT")) {
                Duration d = Duration.parse(text);
                return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(new ValidityCap(text, null, d));
            }
            Period p = Period.parse(text);
            return p.isNegative() || p.isZero() ? Optional.empty() : Optional.of(new ValidityCap(text, p, null));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code from} plus the cap, periods counted on the calendar of {@code zone}. */
    public Instant after(Instant from, ZoneId zone) {
        return period != null ? from.atZone(zone).plus(period).toInstant() : from.plus(duration);
    }
}
