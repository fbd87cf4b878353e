package it.spidonly.keycloak.helpdesk.login;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/**
 * NIST SP 800-63B 5.1.1.2 as helpdesk.md asks: at least 8 characters, up to 64 accepted, not on a block list of
 * commonly used or compromised passwords, not the username or e-mail, and no composition rules. The block list
 * ships in the jar ({@code helpdesk/password-blocklist.txt}); a realm can add Keycloak's own password policies
 * (e.g. {@code passwordBlacklist} with a large list), which are applied as well.
 */
public final class PasswordRules {
    public static final String TOO_SHORT = "helpdesk.password.too-short";
    public static final String TOO_LONG = "helpdesk.password.too-long";
    public static final String BLOCKED = "helpdesk.password.blocked";
    public static final String PERSONAL = "helpdesk.password.personal";
    static final int MIN = 8;
    static final int MAX = 64;
    private static final Set<String> BLOCKLIST = load();

    private PasswordRules() {
    }

    public static Optional<Refusal> check(String password, String username, String email) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN) {
            return Optional.of(Refusal.of(TOO_SHORT, String.valueOf(MIN)));
        }
        if (length > MAX) {
            return Optional.of(Refusal.of(TOO_LONG, String.valueOf(MAX)));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (BLOCKLIST.contains(lower)) {
            return Optional.of(Refusal.of(BLOCKED));
        }
        if ((username != null && lower.contains(username.toLowerCase(Locale.ROOT)))
                || (email != null && !email.isEmpty() && lower.contains(email.toLowerCase(Locale.ROOT)))) {
            return Optional.of(Refusal.of(PERSONAL));
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordRules.class.getResourceAsStream("/helpdesk/password-blocklist.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> set = new HashSet<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    set.add(word);
                }
            }
            return Set.copyOf(set);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("helpdesk/password-blocklist.txt is missing from the jar", e));
        }
    }
}
