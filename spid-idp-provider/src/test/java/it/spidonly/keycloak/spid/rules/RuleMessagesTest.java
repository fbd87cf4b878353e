package it.spidonly.keycloak.spid.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every rule id and every SPID error status has a page text in Italian and in English (the rule id is the key). */
class RuleMessagesTest {

    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        Stream.concat(RuleChain.login().rules().stream(), RuleChain.errorStatus().rules().stream()).map(Rule::id).forEach(keys::add);
        keys.addAll(List.of(ResponseMessage.SIZE, ResponseMessage.DOCTYPE, ResponseMessage.XML, XmlLimits.DEPTH, XmlLimits.ELEMENTS, "spid.binding.artifact",
                "spid.binding.redirect", "spidErrorTitle", "spidErrorWhatNext", "spidErrorRetry", "spidErrorChooseAnother",
                "spidErrorBackToApp"));
        Arrays.stream(SpidErrorCode.values()).map(SpidErrorCode::messageKey).forEach(keys::add);
        return keys;
    }

    @Test
    void everyKeyHasAnItalianAndAnEnglishTextWithoutStrayQuotes() throws IOException {
        Properties it = load("it");
        Properties en = load("en");
        for (String key : keys()) {
            assertNotNull(it.getProperty(key), "it: " + key);
            assertNotNull(en.getProperty(key), "en: " + key);
            String itText = new MessageFormat(it.getProperty(key), Locale.ITALIAN).format(new Object[0]);
            String enText = new MessageFormat(en.getProperty(key), Locale.ENGLISH).format(new Object[0]);
            assertNotEquals(itText, enText, key);
            assertFalse(itText.contains("''") || enText.contains("''"), key);
        }
    }

    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RuleMessagesTest.class.getResourceAsStream("/theme-resources/messages/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        }
        return p;
    }
}
