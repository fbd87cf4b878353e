package it.spidonly.keycloak.it.helpdesk;

import static it.spidonly.keycloak.it.helpdesk.HelpdeskCitizen.message;
import static it.spidonly.keycloak.it.helpdesk.HelpdeskCitizen.reachedApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import it.spidonly.keycloak.testsupport.browser.OidcTestClient;
import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskApi;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskRealm;
import it.spidonly.keycloak.testsupport.helpdesk.Proofings;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 7 on the real Keycloak, with a real SMTP server on loopback: record → approve by a second operator → e-mail
 * → activation code → password → TOTP → token with the help-desk acr; the lifecycle and the refusals.
 */
class HelpdeskCredentialsIT extends HelpdeskRealmPerClass {
    static final String HELPDESK_ACR = "https://spid-only.example/acr/helpdesk";
    private static final String PASSWORD = "correct horse battery staple";

    @Override
    HelpdeskFixture helpdeskRealm(KeycloakServer keycloak, GreenMailExtension mail) {
        return HelpdeskFixture.setUpByAdmin(keycloak, mail, "helpdesk", "P2Y");
    }

    @Test
    void recordApproveMailActivateAndLogInWithPasswordAndTotpGivesTheHelpdeskAcr() throws Exception {
        String email = HelpdeskFixture.newEmail("ann");
        JsonNode record = fixture.recorded(Proofings.usPassport(email));
        assertEquals("PENDING", record.path("state").asText());
        assertEquals("US", record.path("issuingState").asText());
        assertEquals("document-number=ok,birth-date=ok,expiry-date=ok,optional-data=ok,composite=ok", record.path("mrzChecks").asText());
        assertEquals(HelpdeskRealm.OPERATOR_ONE, record.path("recordedBy").asText());
        String id = record.path("id").asText();
        assertFalse(fixture.keycloak.admin().get("/" + fixture.realm + "/users/" + id).path("enabled").asBoolean(), "pending: disabled");
        assertEquals(0, fixture.mailsTo(email), "no e-mail before approval");

        HelpdeskApi.Answer approved = fixture.two.post("/records/" + id + "/approve", Map.of("evidenceRef", "ticket-42"));
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("ISSUED", approved.body().path("state").asText());
        assertEquals(HelpdeskRealm.OPERATOR_TWO, approved.body().path("approvedBy").asText());
        assertTrue(approved.body().path("activationPending").asBoolean());

        HelpdeskApi.Answer twice = fixture.two.post("/records/" + id + "/approve", Map.of());
        assertEquals(409, twice.status(), twice::toString);
        assertEquals("The record is not waiting for approval (state ISSUED).", twice.message());
        assertEquals(1, fixture.mailsTo(email), "one e-mail, one code");

        HelpdeskFixture.Activation activation = fixture.activationMail(email, id);
        assertEquals(record.path("username").asText(), activation.username());
        assertTrue(activation.code().matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}"), activation.code());

        HelpdeskCitizen ann = new HelpdeskCitizen(fixture, "en");
        OidcTestClient.Tokens first = ann.activate(activation, PASSWORD);
        assertEquals(HELPDESK_ACR, first.idTokenClaims().getStringClaim("acr"));
        assertEquals(activation.username(), first.idTokenClaims().getStringClaim("preferred_username"));

        HelpdeskCitizen later = new HelpdeskCitizen(fixture, "en").sameAppAs(ann);
        OidcTestClient.Tokens second = later.login(activation.username(), PASSWORD);
        assertEquals(HELPDESK_ACR, second.idTokenClaims().getStringClaim("acr"));

        JsonNode view = fixture.one.get("/records/" + id).body();
        assertTrue(view.path("activated").asBoolean());
        assertFalse(view.path("activationPending").asBoolean(), "the code is used up");
        String credentials = fixture.keycloak.admin().get("/" + fixture.realm + "/users/" + id + "/credentials").toString();
        assertTrue(credentials.contains("helpdesk-password") && credentials.contains("otp"), credentials);
        assertFalse(credentials.contains("\"password\""), "no Keycloak password: " + credentials);

        String events = fixture.adminEvents().toString();
        assertTrue(events.contains("helpdesk/records/" + id + "/approve") && events.contains("ticket-42"), events);
        assertFalse(events.contains(record.path("documentNumber").asText()), "no document number in admin events");
        assertFalse(events.contains(activation.code()), "no code in admin events");
    }

    @Test
    void theActivationCodeWorksOnce() {
        HelpdeskFixture.Activation activation = fixture.issued(HelpdeskFixture.newEmail("once"));
        new HelpdeskCitizen(fixture, "en").activate(activation, PASSWORD);
        HelpdeskCitizen again = new HelpdeskCitizen(fixture, "en");
        Page refused = again.submit(again.loginPage(), activation.username(), activation.code());
        assertFalse(reachedApp(refused));
        assertTrue(refused.document().selectFirst("form#kc-passwd-update-form") == null, "no second activation");
        assertEquals("Invalid username or password.", message(refused));
    }

    @Test
    void anOperatorCannotApproveTheirOwnRecord() {
        JsonNode record = fixture.recorded(Proofings.usPassport(HelpdeskFixture.newEmail("self")));
        String id = record.path("id").asText();
        HelpdeskApi.Answer refused = fixture.one.language("it").post("/records/" + id + "/approve", Map.of());
        fixture.one.language("en");
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("helpdesk.approval.own-request", refused.error());
        assertEquals("Hai registrato tu questa identificazione: deve approvarla un altro operatore.", refused.message());
        assertEquals("PENDING", fixture.one.get("/records/" + id).body().path("state").asText(), "nothing changed");
    }

    @Test
    void aDocumentAlreadyUsedIsRefused() {
        Map<String, Object> proofing = Proofings.usPassport(HelpdeskFixture.newEmail("dup"));
        fixture.recorded(proofing);
        String otherEmail = HelpdeskFixture.newEmail("dup2");
        Map<String, Object> again = new java.util.LinkedHashMap<>(proofing);
        again.put("email", otherEmail);
        again.put("issuingState", "US");
        HelpdeskApi.Answer refused = fixture.two.post("/records", again);
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("helpdesk.duplicate", refused.error());
        assertEquals("This document (issuing state and number) has already been used for Help Desk credentials.", refused.message());
        assertEquals(0, fixture.usersWithEmail(otherEmail), "nothing created");
    }

    @Test
    void badInputIsAnsweredWithA4xxAndAMessageAndCreatesNothing() {
        record Case(String field, Object value, int status, String error, String message) {
        }
        Case[] cases = {
                new Case("surname", null, 400, "helpdesk.input.missing", "Required field missing: surname."),
                new Case("birthDate", "07/03/1990", 400, "helpdesk.input.invalid", "Invalid value in field birthDate."),
                new Case("issuingState", "FRA", 422, "helpdesk.eligibility.eu-eea",
                        "Documents issued in the EU/EEA (FR) do not get Help Desk credentials: their holders sign in with \"Login with eIDAS\"."),
                new Case("issuingState", "ITA", 422, "helpdesk.eligibility.italy",
                        "Documents issued by Italy (ITA) do not get Help Desk credentials: Italian citizens sign in with SPID."),
                new Case("expiryDate", "2020-01-31", 422, "helpdesk.eligibility.document-expired", "The document expired on 2020-01-31: a valid document is needed."),
                new Case("noEuEidStatement", false, 422, "helpdesk.eligibility.eu-eid-statement", "The user's statement that they hold no EU/EEA eID is missing."),
                new Case("surname", "Jonson", 422, "helpdesk.mrz.mismatch", "The typed field surname does not agree with the MRZ."),
        };
        for (Case c : cases) {
            String email = HelpdeskFixture.newEmail("bad");
            Map<String, Object> proofing = new java.util.LinkedHashMap<>(Proofings.usPassport(email));
            proofing.put(c.field(), c.value());
            if (c.field().equals("issuingState") || c.field().equals("expiryDate")) {
                proofing.remove("mrz");
            }
            HelpdeskApi.Answer answer = fixture.one.post("/records", proofing);
            assertEquals(c.status(), answer.status(), () -> c + " -> " + answer);
            assertEquals(c.error(), answer.error(), c::toString);
            assertEquals(c.message(), answer.message(), c::toString);
            assertEquals(0, fixture.usersWithEmail(email), () -> "nothing created for " + c);
        }

        Map<String, Object> badMrz = new java.util.LinkedHashMap<>(Proofings.usPassport(HelpdeskFixture.newEmail("mrz")));
        @SuppressWarnings("unchecked")
        java.util.List<String> lines = (java.util.List<String>) badMrz.get("mrz");
        String line2 = lines.get(1);
        char check = line2.charAt(9);
        badMrz.put("mrz", java.util.List.of(lines.get(0), line2.substring(0, 9) + (check == '9' ? '0' : (char) (check + 1)) + line2.substring(10)));
        HelpdeskApi.Answer mrz = fixture.one.language("it").post("/records", badMrz);
        fixture.one.language("en");
        assertEquals(422, mrz.status(), mrz::toString);
        assertEquals("helpdesk.mrz.check.document-number", mrz.error());
        assertEquals("Cifra di controllo della MRZ errata: numero del documento.", mrz.message());

        HelpdeskApi.Answer noBody = fixture.one.post("/records", "null");
        assertEquals(400, noBody.status(), noBody::toString);
        assertEquals("helpdesk.input.body", noBody.error());
        HelpdeskApi.Answer notJson = fixture.one.post("/records", "{\"surname\": ");
        assertEquals(400, notJson.status(), notJson::toString);
        assertEquals("The request body is not valid JSON.", notJson.message());
        Map<String, Object> extra = new java.util.LinkedHashMap<>(Proofings.usPassport(HelpdeskFixture.newEmail("extra")));
        extra.put("photo", "base64...");
        HelpdeskApi.Answer unknownField = fixture.one.post("/records", extra);
        assertEquals(400, unknownField.status(), unknownField::toString);
        assertEquals("Unknown field: photo.", unknownField.message());
        Map<String, Object> wrongType = new java.util.LinkedHashMap<>(Proofings.usPassport(HelpdeskFixture.newEmail("type")));
        wrongType.put("emailVerified", java.util.List.of("yes"));
        HelpdeskApi.Answer badType = fixture.one.post("/records", wrongType);
        assertEquals(400, badType.status(), badType::toString);
        assertEquals("Invalid value in field emailVerified.", badType.message());

        HelpdeskApi.Answer unknown = fixture.one.post("/records/00000000-0000-0000-0000-000000000000/approve", Map.of());
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("No Help Desk record with this id.", unknown.message());

        HelpdeskApi clerk = HelpdeskApi.login(fixture.keycloak.baseUrl(), fixture.realm, HelpdeskRealm.NOT_AN_OPERATOR, HelpdeskRealm.OPERATOR_PASSWORD);
        String email = HelpdeskFixture.newEmail("clerk");
        HelpdeskApi.Answer notOperator = clerk.post("/records", Proofings.usPassport(email));
        assertEquals(403, notOperator.status(), notOperator::toString);
        assertEquals("helpdesk.auth.not-operator", notOperator.error());
        assertEquals(0, fixture.usersWithEmail(email));

        HelpdeskApi weak = HelpdeskApi.login(fixture.keycloak.baseUrl(), fixture.realm, HelpdeskRealm.OPERATOR_WITHOUT_OTP,
                HelpdeskRealm.OPERATOR_PASSWORD).language("it");
        HelpdeskApi.Answer passwordOnly = weak.post("/records", Proofings.usPassport(email));
        assertEquals(403, passwordOnly.status(), passwordOnly::toString);
        assertEquals("helpdesk.auth.second-factor", passwordOnly.error());
        assertTrue(passwordOnly.message().contains("autenticazione forte"), passwordOnly::toString);
        assertEquals(0, fixture.usersWithEmail(email), "an operator without a second factor records nothing");
    }

    @Test
    void revocationEndsTheSessionsAndTheCredentialIsRefusedWithItsReason() throws Exception {
        HelpdeskFixture.Activation activation = fixture.issued(HelpdeskFixture.newEmail("revoked"));
        HelpdeskCitizen user = new HelpdeskCitizen(fixture, "en");
        OidcTestClient.Tokens tokens = user.activate(activation, PASSWORD);
        assertEquals(200, refresh(tokens.refreshToken()).statusCode(), "refresh works before");

        HelpdeskApi.Answer missingReason = fixture.one.post("/records/" + activation.recordId() + "/revoke", Map.of());
        assertEquals(400, missingReason.status(), missingReason::toString);
        assertEquals("Required field missing: reason.", missingReason.message());

        HelpdeskApi.Answer revoked = fixture.one.post("/records/" + activation.recordId() + "/revoke",
                Map.of("reason", "document reported lost", "evidenceRef", "police-report-7"));
        assertEquals(200, revoked.status(), revoked::toString);
        assertEquals("REVOKED", revoked.body().path("state").asText());

        HttpResponse<String> refreshed = refresh(tokens.refreshToken());
        assertEquals(400, refreshed.statusCode(), refreshed::body);
        assertTrue(refreshed.body().contains("invalid_grant"), refreshed::body);

        Page sso = user.browser.get(user.app.authorizationUrl().toString());
        assertFalse(reachedApp(sso), "no single sign-on from the old session");

        HelpdeskCitizen again = new HelpdeskCitizen(fixture, "en");
        Page refused = again.submit(again.loginPage(), activation.username(), PASSWORD);
        assertEquals(403, refused.status(), refused::toString);
        assertEquals("Your Help Desk credentials have been revoked and no longer work. If you do not know why, contact the Help Desk.", message(refused));

        String loginEvents = fixture.loginEvents().toString();
        assertTrue(loginEvents.contains("\"error\":\"helpdesk_credential_revoked\""), loginEvents);
        String events = fixture.adminEvents().toString();
        assertTrue(events.contains("/revoke") && events.contains("document reported lost") && events.contains("police-report-7"), events);
        HelpdeskApi.Answer twice = fixture.two.post("/records/" + activation.recordId() + "/revoke", Map.of("reason", "again"));
        assertEquals(409, twice.status(), twice::toString);
        HelpdeskApi.Answer reissue = fixture.two.post("/records/" + activation.recordId() + "/reissue", Map.of());
        assertEquals(409, reissue.status(), reissue::toString);
        assertEquals("The record has no issued credential (state REVOKED).", reissue.message());
    }

    @Test
    void reissueInvalidatesTheEarlierCode() {
        String email = HelpdeskFixture.newEmail("reissue");
        HelpdeskFixture.Activation first = fixture.issued(email);
        HelpdeskApi.Answer reissued = fixture.one.post("/records/" + first.recordId() + "/reissue", Map.of("reason", "e-mail deleted"));
        assertEquals(200, reissued.status(), reissued::toString);
        HelpdeskFixture.Activation second = fixture.activationMail(email, first.recordId());
        assertFalse(first.code().equals(second.code()));

        HelpdeskCitizen user = new HelpdeskCitizen(fixture, "en");
        Page old = user.submit(user.loginPage(), first.username(), first.code());
        assertEquals("Invalid username or password.", message(old), "the first code no longer works");
        user.activate(second, PASSWORD);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        HelpdeskFixture.Activation activation = fixture.issued(HelpdeskFixture.newEmail("brute"));
        new HelpdeskCitizen(fixture, "en").activate(activation, PASSWORD);
        HelpdeskCitizen attacker = new HelpdeskCitizen(fixture, "en");
        for (int i = 0; i < 5; i++) {
            Page wrong = attacker.submit(attacker.loginPage(), activation.username(), "wrong password " + i);
            assertEquals("Invalid username or password.", message(wrong));
        }
        HelpdeskCitizen owner = new HelpdeskCitizen(fixture, "en");
        Page locked = owner.submit(owner.loginPage(), activation.username(), PASSWORD);
        assertTrue(locked.document().selectFirst("form#kc-otp-login-form") == null, "the right password does not pass while locked");
        assertFalse(reachedApp(locked));
    }

    /**
     * With no cutover an ordinary account's Keycloak password works on the same form (LegacyBeforeCutoverIT), but
     * never as a help-desk login: an account with an authenticator app (here an operator) is asked for its code, as
     * Keycloak's own browser flow would; one without it gets in with no help-desk acr.
     */
    @Test
    void legacyPasswordsDoNotOpenTheHelpdeskPath() {
        HelpdeskCitizen operator = new HelpdeskCitizen(fixture, "en");
        Page otp = operator.submit(operator.loginPage(), HelpdeskRealm.OPERATOR_ONE, HelpdeskRealm.OPERATOR_PASSWORD);
        assertFalse(reachedApp(otp), "an account with an authenticator app is not in with the password alone");
        assertNotNull(otp.document().selectFirst("form#kc-otp-login-form"), () -> "its enrolled OTP is asked: " + message(otp));

        HelpdeskCitizen clerk = new HelpdeskCitizen(fixture, "en");
        Page end = clerk.submit(clerk.loginPage(), HelpdeskRealm.NOT_AN_OPERATOR, HelpdeskRealm.OPERATOR_PASSWORD);
        assertTrue(reachedApp(end), () -> "a legacy account without OTP: " + message(end));
        assertFalse(HELPDESK_ACR.equals(clerk.app.exchange(end.location()).idTokenClaims().getStringClaim("acr")), "not the help-desk acr");
    }

    @Test
    void theDataOfARecordCanBeSearchedAndViewed() {
        String email = HelpdeskFixture.newEmail("search");
        Map<String, Object> proofing = Proofings.usPassport(email);
        JsonNode record = fixture.recorded(proofing);
        JsonNode pending = fixture.two.get("/records?state=PENDING").body();
        assertTrue(pending.toString().contains(record.path("id").asText()), pending::toString);
        JsonNode byDocument = fixture.two.get("/records?issuingState=US&documentNumber=" + proofing.get("documentNumber")).body();
        assertEquals(1, byDocument.size(), byDocument::toString);
        assertEquals(email, byDocument.get(0).path("email").asText());
        JsonNode byEmail = fixture.two.get("/records?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).body();
        assertEquals(record.path("id").asText(), byEmail.get(0).path("id").asText());
        assertNotNull(fixture.two.get("/records/" + record.path("id").asText()).body().path("mrzLines").get(1));
        HelpdeskApi.Answer half = fixture.two.get("/records?issuingState=US");
        assertEquals(400, half.status(), half::toString);
        assertEquals("Search by document needs both issuingState and documentNumber.", half.message());
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + HelpdeskRealm.APP + "&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
