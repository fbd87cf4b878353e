package it.spidonly.keycloak.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message the theme shows exists in Italian and in English; a missing key fails here, not on a page. */
class ThemeMessagesTest {
    private static final Path THEME = Path.of("src/main/resources/theme/spid-only/login");

    /**
     * Keys that belong to other modules' jars (their {@code theme-resources/messages}): a theme text would win over
     * theirs, so the theme must not define them (docs/decisions.md, "messages belong to the module that shows them").
     */
    static final List<String> MODULE_KEYS = List.of(
            "helpdeskCredentialExpired", "helpdeskCredentialRevoked", "cutoverRefused", "spidErrorNr20");

    private static final Pattern MSG_CALL = Pattern.compile("msg\\(\\s*[\"']([A-Za-z0-9_.-]+)[\"']");
    /** A text that names the accepted identities: the template shows KEY without a CIE IdP, KEYCie with one. */
    private static final Pattern IDENTITIES_KEY = Pattern.compile("identitiesKey\\(\\s*[\"']([A-Za-z0-9_.-]+)[\"']");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void italianAndEnglishHaveTheSameKeys() {
        Set<String> it = ours("it").stringPropertyNames();
        Set<String> en = ours("en").stringPropertyNames();
        assertEquals(new TreeSet<>(it), new TreeSet<>(en), "messages_it and messages_en must list the same keys");
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void theThemeDoesNotOverrideModuleMessages(String language) {
        Properties messages = ours(language);
        for (String key : MODULE_KEYS) {
            assertTrue(messages.getProperty(key) == null, () -> key + " is a module's message, not the theme's (messages_" + language + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void everyKeyTheTemplatesUseResolves(String language) {
        Properties ours = ours(language);
        Properties keycloaks = keycloakBase(language);
        Set<String> missing = templateKeys().stream()
                .filter(key -> ours.getProperty(key) == null && keycloaks.getProperty(key) == null)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), () -> "keys used by the templates but not in messages_" + language + ": " + missing);
    }

    @Test
    void theTemplatesUseOurOwnKeys() {
        assertTrue(templateKeys().containsAll(List.of("spidOnlySpidButton", "spidOnlyEidasButton", "spidOnlyTryAgain",
                        "spidOnlyCieButton", "spidOnlyLoginIntro", "spidOnlyLoginIntroCie", "spidOnlyAfterCutoverTitleCie")),
                "the key scan found nothing: has the msg(...) or identitiesKey(...) syntax changed?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void apostrophesAreDoubledForMessageFormat(String language) {
        Properties messages = ours(language);
        for (String key : messages.stringPropertyNames()) {
            String text = messages.getProperty(key).replace("''", "");
            assertFalse(text.contains("'"), () -> key + " in messages_" + language
                    + ": a single apostrophe vanishes in MessageFormat, write ''");
        }
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() {
        Properties it = ours("it");
        Properties en = ours("en");
        for (String key : it.stringPropertyNames()) {
            assertEquals(placeholders(it.getProperty(key)), placeholders(en.getProperty(key)), () -> "placeholders of " + key);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> templateKeys() {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(THEME)) {
            for (Path ftl : files.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                String text = Files.readString(ftl);
                Matcher m = MSG_CALL.matcher(text);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                Matcher identities = IDENTITIES_KEY.matcher(text);
                while (identities.find()) {
                    keys.add(identities.group(1));
                    keys.add(identities.group(1) + "Cie");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Properties ours(String language) {
        try (InputStream in = Files.newInputStream(THEME.resolve("messages/messages_" + language + ".properties"))) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak's base login messages (keycloak.v2 adds no Italian file, so base is what Italian pages fall back to). */
    private static Properties keycloakBase(String language) {
        String resource = "/theme/base/login/messages/messages_" + language + ".properties";
        try (InputStream in = ThemeMessagesTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "keycloak-themes on the test class path: " + resource);
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        return p;
    }

}
