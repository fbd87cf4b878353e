package it.spidonly.keycloak.it.adminpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.spidonly.keycloak.testsupport.idp.TestUser;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15, Deliver 1: {@code GET /admin/realms/{realm}/spid-readiness} names each misconfiguration an admin can leave,
 * in Italian and in English. Three realms made by the admin path: an empty one, one with the SP and an IdP that uses
 * an admin's own first-login flow, and a complete one whose admin then removed {@code fiscalNumber} from the profile.
 * (The {@code declarative-ui} finding needs a server started without that feature: not run here.)
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessIT {
    private final List<AdminGuideRealm> realms = new ArrayList<>();
    private AdminGuideRealm empty;
    private AdminGuideRealm foreignFlow;
    private AdminGuideRealm complete;

    @BeforeAll
    void realms(KeycloakServer keycloak) {
        empty = keep(AdminGuideRealm.empty(keycloak, "ready-empty", TestUser.demoUsers()));
        foreignFlow = keep(AdminGuideRealm.empty(keycloak, "ready-flow", TestUser.demoUsers()).serviceProvider().spidIdp());
        String adminFlow = "/" + foreignFlow.name + "/authentication/flows";
        foreignFlow.admin().post(adminFlow + "/first%20broker%20login/copy", Map.of("newName", "my first login"));
        String idp = "/" + foreignFlow.name + "/identity-provider/instances/" + AdminGuideRealm.IDP_ALIAS;
        ObjectNode rep = foreignFlow.admin().get(idp).deepCopy();
        rep.put("firstBrokerLoginFlowAlias", "my first login");
        foreignFlow.admin().put(idp, rep);
        complete = keep(AdminGuideRealm.complete(keycloak, "ready-complete"));
        ObjectNode profile = complete.admin().get("/" + complete.name + "/users/profile").deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode kept = profile.putArray("attributes");
        for (JsonNode attribute : complete.admin().get("/" + complete.name + "/users/profile").path("attributes")) {
            if (!"fiscalNumber".equals(attribute.path("name").asText())) {
                kept.add(attribute);
            }
        }
        complete.admin().put("/" + complete.name + "/users/profile", profile);
    }

    private AdminGuideRealm keep(AdminGuideRealm realm) {
        realms.add(realm);
        return realm;
    }

    @AfterAll
    void close() {
        realms.forEach(AdminGuideRealm::close);
    }

    @ParameterizedTest(name = "{0} realm, {2}: {1}")
    @CsvSource({
            "empty,       spidReadyNoSp,        en, no SPID service provider",
            "empty,       spidReadyNoSp,        it, non ha un service provider SPID",
            "empty,       spidReadyLoginTheme,  en, not spid-only",
            "empty,       spidReadyLoginTheme,  it, non spid-only",
            "empty,       spidReadyUserEvents,  en, User events are off",
            "empty,       spidReadyUserEvents,  it, Gli eventi utente sono disattivati",
            "empty,       spidReadyNoIdp,       en, no enabled SPID identity provider",
            "empty,       spidReadyNoIdp,       it, non ha identity provider SPID attivi",
            "empty,       spidReadyRegistry,    en, never been refreshed",
            "empty,       spidReadyRegistry,    it, non \u00e8 mai stato aggiornato",
            "empty,       spidReadyUserProfile, en, fiscalNumber",
            "empty,       spidReadyUserProfile, it, fiscalNumber",
            "flow,        spidReadyForeignFlow, en, does not use the first-login flow",
            "flow,        spidReadyForeignFlow, it, non usa il flusso di primo accesso",
            "flow,        spidReadySigningKey,  en, does not follow AgID's SP certificate profile",
            "flow,        spidReadySigningKey,  it, non segue il profilo dei certificati SP di AgID",
            "complete,    spidReadyUserProfile, en, The user profile lacks what SPID logins need: fiscalNumber",
            "complete,    spidReadyUserProfile, it, Al profilo utente manca quanto serve agli accessi SPID: fiscalNumber",
    })
    void eachMisconfigurationIsNamedInTheAdminsLanguage(String which, String key, String language, String expected) {
        AdminGuideRealm realm = Map.of("empty", empty, "flow", foreignFlow, "complete", complete).get(which);
        JsonNode readiness = realm.readiness(language);
        assertEquals(false, readiness.path("ready").asBoolean(true));
        String message = null;
        for (JsonNode finding : readiness.path("findings")) {
            if (key.equals(finding.path("key").asText())) {
                message = finding.path("message").asText();
            }
        }
        String found = message;
        assertTrue(found != null && found.contains(expected), () -> key + " in " + language + ": " + readiness);
    }

    @ParameterizedTest
    @CsvSource({"en", "it"})
    void aRealmMadeByTheWholeGuideHasNoFindingButTheSigningKeyAndWhatItsAdminBroke(String language) {
        List<String> keys = complete.readiness(language).path("findings").findValuesAsText("key");
        assertEquals(List.of("spidReadySigningKey", "spidReadyUserProfile"), keys);
    }

    @org.junit.jupiter.api.Test
    void theSpidPageShowsTheFindingsOfItsLastSave() {
        JsonNode components = complete.admin().get("/" + complete.name + "/components?type=org.keycloak.services.ui.extend.UiPageProvider");
        String readiness = null;
        for (JsonNode component : components) {
            if ("spid-service-provider".equals(component.path("providerId").asText())) {
                readiness = component.path("config").path("readiness").path(0).asText();
            }
        }
        String shown = readiness;
        assertTrue(shown != null && shown.contains("does not follow AgID's SP certificate profile"), () -> String.valueOf(shown));
    }
}
