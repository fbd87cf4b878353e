package it.spidonly.keycloak.it.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskRealm;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * At expiry the user's sessions end by themselves (the expiry sweep, every minute): a refresh token obtained before
 * the expiry stops working after it, without any new login. Cap 40 s (realm attribute), so the user can activate first.
 */
class HelpdeskExpirySweepIT extends HelpdeskRealmPerClass {
    @Override
    HelpdeskFixture helpdeskRealm(KeycloakServer keycloak, GreenMailExtension mail) {
        return HelpdeskFixture.setUpByAdmin(keycloak, mail, "helpdesk-sweep", "PT40S");
    }

    @Test
    void atExpiryTheSessionAndItsRefreshTokenEnd() throws Exception {
        HelpdeskFixture.Activation activation = fixture.issued(HelpdeskFixture.newEmail("sweep"));
        Instant expiresAt = Instant.parse(fixture.one.get("/records/" + activation.recordId()).body().path("credentialExpiresAt").asText());
        OidcTestClient.Tokens tokens = new HelpdeskCitizen(fixture, "en").activate(activation, "correct horse battery staple");
        assertTrue(Instant.now().isBefore(expiresAt), "activated before the expiry");
        assertEquals(200, refresh(tokens.refreshToken()).statusCode(), "the session works before the expiry");

        // the sweep runs every 60 s: after the expiry, within two runs
        Instant giveUp = expiresAt.plus(Duration.ofSeconds(180));
        HttpResponse<String> refreshed = refresh(tokens.refreshToken());
        while (refreshed.statusCode() == 200 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(2000);
            refreshed = refresh(tokens.refreshToken());
        }
        assertTrue(Instant.now().isAfter(expiresAt), "not before the expiry");
        assertEquals(400, refreshed.statusCode(), refreshed.body());
        assertTrue(refreshed.body().contains("invalid_grant"), refreshed.body());
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + HelpdeskRealm.APP + "&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
