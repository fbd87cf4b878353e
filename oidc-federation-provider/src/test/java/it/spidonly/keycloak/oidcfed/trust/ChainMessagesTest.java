package it.spidonly.keycloak.oidcfed.trust;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import it.spidonly.keycloak.spid.sp.JarMessages;

/** Every chain check has a message in Italian and in English (the rule id is the message key). */
class ChainMessagesTest {
    @ParameterizedTest
    @ValueSource(strings = {"it", "en"})
    void everyCheckHasAMessage(String language) throws Exception {
        Properties messages = JarMessages.of(ChainCheck.class, language);
        for (Field field : ChainCheck.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String check = (String) field.get(null);
                assertTrue(messages.containsKey(check), language + ": no message for " + check);
            }
        }
    }
}
