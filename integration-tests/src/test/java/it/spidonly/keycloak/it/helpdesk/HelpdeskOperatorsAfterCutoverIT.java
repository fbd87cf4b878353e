package it.spidonly.keycloak.it.helpdesk;

import static it.spidonly.keycloak.it.helpdesk.HelpdeskCitizen.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import it.spidonly.keycloak.testsupport.browser.Page;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskApi;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskOperatorLogin;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskRealm;
import it.spidonly.keycloak.testsupport.helpdesk.Proofings;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/**
 * Issue 15 (Deliver 9): after the SPID-only cutover, operators with an authenticator app still log in with password
 * + OTP at the operators' client (form {@code helpdesk-operator-password-form}) and do their work; the password of
 * anyone else, and every password grant, is refused. Realm made by the admin guide's REST steps, cutover set by REST.
 */
class HelpdeskOperatorsAfterCutoverIT extends HelpdeskRealmPerClass {
    private static final String PASSWORD = "correct horse battery staple";

    @Override
    HelpdeskFixture helpdeskRealm(KeycloakServer keycloak, GreenMailExtension mail) {
        HelpdeskFixture made = HelpdeskFixture.setUpByAdmin(keycloak, mail, "helpdesk-after-cutover", "P2Y");
        keycloak.admin().put("/" + made.realm + "/spid-cutover", Map.of("enabled", true, "cutoverAt", "2020-11-15T00:00", "timeZone", "Europe/Rome"));
        return made;
    }

    @Test
    void operatorsWithOtpStillRecordAndApproveAndTheCitizenActivates() {
        HelpdeskApi one = HelpdeskApi.withToken(fixture.keycloak.baseUrl(), fixture.realm, fixture.operatorOne.login());
        HelpdeskApi two = HelpdeskApi.withToken(fixture.keycloak.baseUrl(), fixture.realm, fixture.operatorTwo.login());
        String email = HelpdeskFixture.newEmail("after-cutover");
        HelpdeskApi.Answer recorded = one.post("/records", Proofings.usPassport(email));
        assertEquals(201, recorded.status(), recorded::toString);
        String id = recorded.body().path("id").asText();
        HelpdeskApi.Answer approved = two.post("/records/" + id + "/approve", Map.of());
        assertEquals(200, approved.status(), approved::toString);

        HelpdeskFixture.Activation activation = fixture.activationMail(email, id);
        HelpdeskCitizen citizen = new HelpdeskCitizen(fixture, "en");
        citizen.activate(activation, PASSWORD);
        new HelpdeskCitizen(fixture, "en").sameAppAs(citizen).login(activation.username(), PASSWORD);
    }

    @Test
    void theOperatorsFormRefusesEveryoneElsesPassword() {
        String console = HelpdeskRealm.consoleUrl(fixture.keycloak.baseUrl(), fixture.realm);
        for (String username : new String[] {HelpdeskRealm.NOT_AN_OPERATOR, HelpdeskRealm.OPERATOR_WITHOUT_OTP}) {
            Page refused = HelpdeskOperatorLogin.of(fixture.keycloak.baseUrl(), fixture.realm, username, HelpdeskRealm.OPERATOR_PASSWORD)
                    .afterPassword(HelpdeskRealm.OPERATOR_CLIENT, console);
            assertFalse(refused.isRedirect(), username + " is not let in");
            assertNull(refused.document().selectFirst("form#kc-totp-settings-form"), username + ": no TOTP enrolment on a password after the cutover");
            assertNull(refused.document().selectFirst("form#kc-otp-login-form"), username + ": no OTP page");
            assertEquals("Invalid username or password.", message(refused), username);
        }
        String events = fixture.loginEvents().toString();
        assertTrue(events.contains("cutover_refused"), "the refusal is recorded as the cutover's: " + events);
    }

    /**
     * The password grant is refused by the cutover itself: asked by an operator without an authenticator app, whose
     * right password alone would get a token before the cutover (an operator with an app would be refused anyway,
     * for the missing code), and answered with the cutover's text.
     */
    @Test
    void thePasswordGrantIsRefusedToOperatorsToo() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> HelpdeskApi.login(fixture.keycloak.baseUrl(), fixture.realm, HelpdeskRealm.OPERATOR_WITHOUT_OTP, HelpdeskRealm.OPERATOR_PASSWORD));
        assertTrue(refused.getMessage().contains("invalid_grant"), refused::getMessage);
        assertTrue(refused.getMessage().contains("possibile accedere") || refused.getMessage().contains("can no longer sign in"),
                () -> "the cutover's refusal, not a wrong password: " + refused.getMessage());
    }
}
