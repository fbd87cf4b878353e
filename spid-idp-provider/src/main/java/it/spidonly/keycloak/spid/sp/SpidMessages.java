package it.spidonly.keycloak.spid.sp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * Renders {@link Problem}s outside the admin console (e.g. the metadata endpoint) from the same
 * {@code theme-resources/messages} bundles Keycloak merges into its themes.
 */
public final class SpidMessages {
    private SpidMessages() {
    }

    public static String format(Problem problem, Locale locale) {
        Properties messages = load(locale);
        String pattern = messages.getProperty(problem.key(), problem.key());
        return new MessageFormat(pattern, locale).format(problem.params().toArray());
    }

    private static Properties load(Locale locale) {
        String lang = "it".equals(locale.getLanguage()) ? "it" : "en";
        Properties p = new Properties();
        try (InputStream in = ownResource("theme-resources/messages/messages_" + lang + ".properties").openStream()) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * The resource from this provider's own jar: every provider jar has {@code theme-resources/messages/...} and
     * Keycloak loads them all with one class loader, so a plain class-path lookup may find another jar's bundle.
     */
    private static URL ownResource(String name) throws IOException {
        URL location = SpidMessages.class.getProtectionDomain().getCodeSource().getLocation();
        String base = location.toExternalForm();
        return base.endsWith("/") ? new URL(location, name) : new URL("jar:" + base + "!/" + name);
    }
}
