package it.spidonly.keycloak.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import it.spidonly.keycloak.helpdesk.mrz.MrzCheck;

/** Every message key the module's code names has an Italian and an English text. */
class HelpdeskMessagesTest {
    private static final Pattern KEY = Pattern.compile("\"(helpdesk(?:[A-Z][A-Za-z]+|\\.[a-z][a-z.-]*[a-z]))\"");

    @Test
    void everyKeyInTheCodeHasBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        for (MrzCheck c : MrzCheck.values()) {
            keys.add(c.ruleId());
        }
        keys.add("helpdesk.state.not-pending");
        keys.add("helpdesk.state.not-issued");
        keys.removeIf(k -> k.startsWith("helpdesk.") && Character.isUpperCase(k.charAt("helpdesk.".length()))
                || !k.matches("helpdesk\\.(input|eligibility|mrz|password|auth|duplicate|email|record|search|approval|state|mail).*|helpdesk[A-Z].*")
                || k.equals("helpdesk.mrz.check.") || k.equals("helpdesk.input.") || k.equals("helpdesk.record.")
                || k.equals("helpdesk.state.not-") || k.equals("helpdesk.mrz.format")
                || k.equals("helpdesk.state") || k.equals("helpdesk.login") || k.equals("helpdesk.acr"));
        keys.add("helpdesk.mrz.format.lines");
        keys.add("helpdesk.mrz.format.length");
        keys.add("helpdesk.mrz.format.characters");
        assertTrue(keys.size() >= 40, keys::toString);
        for (String lang : new String[] {"it", "en"}) {
            HelpdeskMessages messages = HelpdeskMessages.of(lang);
            for (String key : keys) {
                assertTrue(messages.has(key), lang + " lacks " + key);
            }
        }
    }

    @Test
    void parametersAreFilledAndQuotesKept() {
        assertEquals("Documents issued by Italy (ITA) do not get Help Desk credentials: Italian citizens sign in with SPID.",
                HelpdeskMessages.of("en").format("helpdesk.eligibility.italy", "ITA"));
        assertEquals("Hai registrato tu questa identificazione: deve approvarla un altro operatore.",
                HelpdeskMessages.of("it").format("helpdesk.approval.own-request"));
        assertTrue(HelpdeskMessages.of("it").format("helpdeskCredentialRevoked").contains("dell'Help Desk"));
    }

    @Test
    void theFirstAcceptableLanguageWinsItalianByDefault() {
        assertEquals("en", HelpdeskMessages.firstAcceptable(java.util.List.of(Locale.GERMAN, Locale.ENGLISH, Locale.ITALIAN)).language());
        assertEquals("it", HelpdeskMessages.firstAcceptable(java.util.List.of(Locale.GERMAN)).language());
    }
}
