package it.spidonly.keycloak.helpdesk.eligibility;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ISO 3166-1 alpha-3 to alpha-2, from the table shipped in the jar ({@code helpdesk/iso3166-alpha3-to-alpha2.csv},
 * derived from datasets/country-codes, ODC-PDDL-1.0). Read once; immutable.
 */
final class CountryCodes {
    private static final Map<String, String> ALPHA3_TO_ALPHA2 = load();
    private static final Set<String> ALPHA2 = Set.copyOf(ALPHA3_TO_ALPHA2.values());

    private CountryCodes() {
    }

    static Optional<String> alpha2OfAlpha3(String alpha3) {
        return Optional.ofNullable(ALPHA3_TO_ALPHA2.get(alpha3));
    }

    static boolean isAlpha2(String code) {
        return ALPHA2.contains(code);
    }

    private static Map<String, String> load() {
        try (InputStream in = CountryCodes.class.getResourceAsStream("/helpdesk/iso3166-alpha3-to-alpha2.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String> map = new HashMap<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", 3);
                // Namibia's alpha-2 is the literal "NA": taken as text, never as a missing value
                if (cells.length >= 2 && cells[0].length() == 3 && cells[1].length() == 2) {
                    map.put(cells[0], cells[1]);
                }
            }
            return Map.copyOf(map);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("helpdesk/iso3166-alpha3-to-alpha2.csv is missing from the jar", e));
        }
    }
}
