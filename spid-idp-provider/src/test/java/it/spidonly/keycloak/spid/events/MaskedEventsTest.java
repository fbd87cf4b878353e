package it.spidonly.keycloak.spid.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;

class MaskedEventsTest {
    @Test
    void anIdpLoginErrorIsLoggedWithTheCodesMaskedAndTheStoredEventUntouched() {
        Event event = new Event();
        event.setType(EventType.IDENTITY_PROVIDER_LOGIN_ERROR);
        event.setUserId("6f1e2c8a-1111-2222-3333-444455556666");
        event.setError("user_disabled");
        event.setDetails(Map.of("username", "rssmra80a01h501u", "identity_provider_identity", "TINIT-RSSMRA80A01H501U",
                "identity_provider", "spid-test-idp"));

        Event logged = MaskedEvents.of(event);

        assertEquals("RSS***1U", logged.getDetails().get("username"));
        assertEquals("TINIT-RSS***1U", logged.getDetails().get("identity_provider_identity"));
        assertEquals("spid-test-idp", logged.getDetails().get("identity_provider"));
        assertEquals("user_disabled", logged.getError());
        assertEquals(EventType.IDENTITY_PROVIDER_LOGIN_ERROR, logged.getType());
        assertEquals("6f1e2c8a-1111-2222-3333-444455556666", logged.getUserId());
        assertEquals("rssmra80a01h501u", event.getDetails().get("username"), "the stored event keeps the value");
    }

    @Test
    void anAdminEventRepresentationIsMasked() {
        AdminEvent event = new AdminEvent();
        event.setResourcePath("users/6f1e2c8a");
        event.setRepresentation("{\"username\":\"rssmra80a01h501u\",\"attributes\":{\"fiscalNumber\":[\"RSSMRA80A01H501U\"]}}");

        AdminEvent logged = MaskedEvents.of(event);

        assertEquals("{\"username\":\"RSS***1U\",\"attributes\":{\"fiscalNumber\":[\"RSS***1U\"]}}", logged.getRepresentation());
        assertEquals("users/6f1e2c8a", logged.getResourcePath());
    }
}
