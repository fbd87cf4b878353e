package it.spidonly.keycloak.helpdesk.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.component.ComponentModel;

class RealmAttributesTest {
    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "form, , form",
            "'', , form",
            "none, https://helpdesk.example, ''",
            "link, https://helpdesk.example/foreign, https://helpdesk.example/foreign",
            "link, /realms/x/helpdesk-info, /realms/x/helpdesk-info",
            "link, '', NULL",
            "link, http://helpdesk.example, NULL",
            "link, //evil.example/x, NULL",
            "link, javascript:alert(1), NULL",
            "link, 'https://a.example/\"onmouseover=x', NULL",
            "link, https://a.example/ b, NULL",
            "popup, https://a.example, NULL",
    })
    void theLoginEntryAttributeIsFormAnAddressOrNothing(String kind, String url, String expected) {
        ComponentModel model = new ComponentModel();
        model.put(HelpdeskSettingsProperties.LOGIN_ENTRY, kind);
        if (url != null) {
            model.put(HelpdeskSettingsProperties.ENTRY_URL, url);
        }
        String entry = RealmAttributes.entry(model);
        if (expected == null) {
            assertNull(entry, kind + " " + url);
        } else {
            assertEquals(expected, entry);
        }
    }
}
