package it.spidonly.keycloak.eidas.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An eIDAS PersonIdentifier (eIDAS SAML Attribute Profile v1.2, 2.2.3): {@code <origin>/<destination>/<identifier>},
 * the two country codes in upper case (Greece is {@code EL}), e.g. {@code ES/IT/02635542Y}. FICEP carries it in the
 * SPID attribute {@code spidCode}. The whole value, exactly as received, is the person's key: the opaque part may be
 * case-sensitive.
 */
public record PersonIdentifier(String value, String originCountry, String destinationCountry) {
    /** At most 256 characters (the eIDAS-Node's own cap); no spaces or control characters. */
    private static final Pattern SHAPE = Pattern.compile("([A-Z]{2})/([A-Z]{2})/([\\p{Graph}&&[^/]][\\p{Graph}]{0,249})");

    public static Optional<PersonIdentifier> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        var matcher = SHAPE.matcher(raw.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PersonIdentifier(raw.trim(), matcher.group(1), matcher.group(2)));
    }

    /**
     * The origin state as an ISO 3166-1 alpha-2 code: eIDAS writes Greece {@code EL} (the EU's code), ISO {@code GR}.
     */
    public String originIsoCountry() {
        return "EL".equals(originCountry) ? "GR" : originCountry;
    }

    /** A username for the account: the identifier in lower case (Keycloak stores usernames lower case). */
    public String username() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** For logs above debug: the countries and the last two characters only. */
    public String masked() {
        String id = value.substring(6);
        return originCountry + "/" + destinationCountry + "/***" + (id.length() > 4 ? id.substring(id.length() - 2) : "");
    }
}
