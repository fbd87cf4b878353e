package it.spidonly.keycloak.helpdesk.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

import it.spidonly.keycloak.helpdesk.HelpdeskMessages;

/**
 * The activation e-mail, in the user's language (their {@code locale} attribute, set from the proofing), sent
 * through Keycloak's mail sender with the realm's SMTP settings, to the address the operator validated.
 * Text only: the code must be typed, not clicked.
 */
public final class ActivationMail {
    private ActivationMail() {
    }

    public static void send(KeycloakSession session, RealmModel realm, UserModel user, String code, Instant codeExpiresAt)
            throws EmailException {
        HelpdeskMessages messages = HelpdeskMessages.of(user.getFirstAttribute("locale"));
        String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(messages.language())).withZone(ZoneId.of("Europe/Rome"))
                .format(codeExpiresAt);
        String loginUrl = Urls.accountBase(session.getContext().getUri().getBaseUri()).build(realm.getName()).toString();
        String subject = messages.format("helpdeskActivationMailSubject", senderName(realm));
        String text = messages.format("helpdeskActivationMailBody", user.getUsername(), code, until, loginUrl);
        session.getProvider(EmailSenderProvider.class).send(realm.getSmtpConfig(), user, subject, text, null);
    }

    /**
     * Who the mail is from, for its subject: the realm's display name, else its name (a realm made in the console
     * has an empty display name, which gave the subject ": your Help Desk credentials").
     */
    static String senderName(RealmModel realm) {
        String display = realm.getDisplayName();
        return display == null || display.isBlank() ? realm.getName() : display.strip();
    }
}
