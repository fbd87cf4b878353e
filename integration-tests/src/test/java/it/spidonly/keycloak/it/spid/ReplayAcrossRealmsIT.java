package it.spidonly.keycloak.it.spid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import it.spidonly.keycloak.testsupport.browser.HttpBrowser;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.idp.ReceivedAuthnRequest;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;
import it.spidonly.keycloak.testsupport.realm.SpidRealm;

/**
 * Issue 16, N4: a valid response is marked as used only once it is bound to this realm's pending request. Two realms
 * trust the same SPID IdP; a response to a login of realm A, posted first to realm B's ACS, is refused there (no
 * pending login) and then still logs in at realm A. Replaying it at A afterwards is refused as a replay.
 */
@ExtendWith(KeycloakServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayAcrossRealmsIT {
    private SpidRealmFixture fixture;
    private String otherRealm;

    @BeforeAll
    void realms(KeycloakServer keycloak) {
        fixture = SpidRealmFixture.create(keycloak, "replay-a", true);
        otherRealm = "replay-b-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.admin().importRealm(SpidRealm.named(otherRealm)
                .testIdp(fixture.idp.baseUrl(), fixture.idp.entityId(), fixture.idp.signingCertificateBase64())
                .appRedirectUri(SpidRealmFixture.REDIRECT_URI).loginTheme("keycloak.v2").toJson());
    }

    @AfterAll
    void close() {
        if (fixture != null) {
            fixture.keycloak.admin().deleteRealm(otherRealm);
            fixture.close();
        }
    }

    @Test
    void aResponsePostedToTheWrongRealmFirstStillLogsInAtTheRightOne() {
        SpidLoginDriver driver = new SpidLoginDriver(fixture);
        driver.startAtIdp(SpidRealmFixture.IDP_ALIAS);
        ReceivedAuthnRequest request = driver.lastRequest();
        String samlResponse = fixture.idp.buildSamlResponse(request, SpidOutcomes.user("giulia.bianchi"));
        long since = System.currentTimeMillis() - 1000;

        Page wrongRealm = new HttpBrowser().postForm(fixture.keycloak.realmUrl(otherRealm) + "/spid/acs",
                Map.of("SAMLResponse", samlResponse, "RelayState", request.relayState()));
        assertEquals(400, wrongRealm.status(), wrongRealm::toString);
        assertNotNull(fixture.keycloak.admin().get("/" + otherRealm + "/events?type=LOGIN_ERROR&max=50").findValues("reason")
                .stream().filter(r -> r.asText().equals("spid.response.unsolicited")).findFirst().orElse(null),
                "refused in the other realm as unsolicited, not as a replay");

        SpidOutcomes.assertAccepted("the right realm after the wrong one", driver.postToAcs(samlResponse, request.relayState()));

        Page replay = driver.postToAcs(samlResponse, request.relayState());
        assertEquals(400, replay.status(), replay::toString);
        assertNotNull(new SpidOutcomes(fixture).loginError("spid.assertion.replay", since), "the replay is refused as one");
    }
}
