package it.spidonly.keycloak.helpdesk;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import it.spidonly.keycloak.helpdesk.proofing.Refusal;
import it.spidonly.keycloak.spid.sp.JarMessages;

/**
 * The module's messages ({@code theme-resources/messages/messages_{it,en}.properties}, which Keycloak also merges
 * into its themes), read from this jar ({@link JarMessages}) for answers that are not theme pages: REST errors and
 * the activation e-mail.
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
        return new HelpdeskMessages(Locale.forLanguageTag(lang), JarMessages.of(HelpdeskMessages.class, lang));
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
