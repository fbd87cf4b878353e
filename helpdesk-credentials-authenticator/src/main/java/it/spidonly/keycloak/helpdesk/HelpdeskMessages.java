package it.spidonly.keycloak.helpdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;

/**
 * The module's messages ({@code theme-resources/messages/messages_{it,en}.properties}, which Keycloak also merges
 * into its themes), read from the jar for answers that are not theme pages: REST errors and the activation e-mail.
 * Italian for {@code it}, English otherwise.
 */
public final class HelpdeskMessages {
    private final Locale locale;
    private final Properties messages;

    private HelpdeskMessages(Locale locale, Properties messages) {
        this.locale = locale;
        this.messages = messages;
    }

    public static HelpdeskMessages of(String language) {
        String lang = "it".equals(language) ? "it" : "en";
        Properties p = new Properties();
        try (InputStream in = ownResource("theme-resources/messages/messages_" + lang + ".properties").openStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("messages_" + lang + ".properties is missing from the jar", e));
        }
        return new HelpdeskMessages(Locale.forLanguageTag(lang), p);
    }

    /**
     * This jar's copy of a resource. Every provider jar of the bundle has {@code theme-resources/messages/...}, and
     * Keycloak's class loader sees them all under one name: take the one beside this class.
     */
    private static URL ownResource(String name) throws IOException {
        String classFile = HelpdeskMessages.class.getName().replace('.', '/') + ".class";
        String self = HelpdeskMessages.class.getClassLoader().getResource(classFile).toString();
        String base = self.substring(0, self.length() - classFile.length());
        for (URL url : Collections.list(HelpdeskMessages.class.getClassLoader().getResources(name))) {
            if (url.toString().startsWith(base)) {
                return url;
            }
        }
        throw new IOException(name + " is not beside " + classFile);
    }

    /** The first of the acceptable languages that we have, else Italian (the ministry's language). */
    public static HelpdeskMessages firstAcceptable(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            if ("it".equals(l.getLanguage()) || "en".equals(l.getLanguage())) {
                return of(l.getLanguage());
            }
        }
        return of("it");
    }

    public String language() {
        return locale.getLanguage();
    }

    public boolean has(String key) {
        return messages.containsKey(key);
    }

    public String format(String key, Object... params) {
        return new MessageFormat(messages.getProperty(key, key), locale).format(params);
    }

    public String format(Refusal refusal) {
        return format(refusal.key(), refusal.params().toArray());
    }
}
