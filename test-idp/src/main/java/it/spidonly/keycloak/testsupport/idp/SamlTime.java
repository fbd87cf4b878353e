package it.spidonly.keycloak.testsupport.idp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * xs:dateTime in UTC with a {@code Z} and milliseconds (SPID: UTC; milliseconds are allowed). Milliseconds keep a
 * Response's IssueInstant from appearing to be earlier than an AuthnRequest sent in the same second.
 */
final class SamlTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SamlTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
