package it.spidonly.keycloak.spid.sp;

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
        return JarMessages.of(SpidMessages.class, locale.getLanguage());
    }
}
