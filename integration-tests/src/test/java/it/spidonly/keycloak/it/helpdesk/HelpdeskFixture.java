package it.spidonly.keycloak.it.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import it.spidonly.keycloak.it.adminpath.AdminGuideRealm;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskAdminSetup;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskApi;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskOperatorLogin;
import it.spidonly.keycloak.testsupport.helpdesk.HelpdeskRealm;
import it.spidonly.keycloak.testsupport.helpdesk.Proofings;
import it.spidonly.keycloak.testsupport.keycloak.KeycloakServer;

/** A help-desk realm on the shared Keycloak, its two operators, and the SMTP server that receives its e-mails. */
final class HelpdeskFixture implements AutoCloseable {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Pattern USERNAME = Pattern.compile("(?:Username|Nome utente): (\\S+)");
    private static final Pattern CODE = Pattern.compile("(?:Activation code|Codice di attivazione): ([A-Z0-9-]+)");

    final KeycloakServer keycloak;
    final GreenMailExtension mail;
    final String realm;
    final HelpdeskApi one;
    final HelpdeskApi two;

    /** The operators' browser logins (each keeps its authenticator app's secret and the last code it used). */
    final HelpdeskOperatorLogin operatorOne;
    final HelpdeskOperatorLogin operatorTwo;

    private HelpdeskFixture(KeycloakServer keycloak, GreenMailExtension mail, String realm, HelpdeskOperatorLogin operatorOne,
                            HelpdeskOperatorLogin operatorTwo) {
        this.keycloak = keycloak;
        this.mail = mail;
        this.realm = realm;
        this.operatorOne = operatorOne;
        this.operatorTwo = operatorTwo;
        // the first login enrols the app; the API accepts only a login that went through the code (guide, step 9)
        operatorOne.login();
        operatorTwo.login();
        one = HelpdeskApi.withToken(keycloak.baseUrl(), realm, operatorOne.login());
        two = HelpdeskApi.withToken(keycloak.baseUrl(), realm, operatorTwo.login());
    }

    /**
     * A realm set up only as docs/admin-guide.md ("Help desk") says, through the admin REST API from an empty realm
     * ({@link HelpdeskAdminSetup}); the operators enrol their authenticator app at their first login, then log in
     * with password and OTP at the operators' client, as the web page does.
     */
    static HelpdeskFixture setUpByAdmin(KeycloakServer keycloak, GreenMailExtension mail, String realm, String cap) {
        try {
            keycloak.admin().deleteRealm(realm);
        } catch (RuntimeException absent) {
            // first run
        }
        HelpdeskAdminSetup.of(keycloak.admin(), realm).smtpPort(mail.getSmtp().getPort()).cap(cap).run();
        return withOperators(keycloak, mail, realm);
    }

    /**
     * The help desk added to a realm set up as the whole admin guide says ({@link AdminGuideRealm}, SPID included),
     * then its "Help desk" section ({@link AdminGuideRealm#helpdesk}); operators as in {@link #setUpByAdmin}.
     */
    static HelpdeskFixture onAdminGuideRealm(AdminGuideRealm guideRealm, GreenMailExtension mail) {
        guideRealm.helpdesk(mail.getSmtp().getPort());
        return withOperators(guideRealm.keycloak, mail, guideRealm.name);
    }

    /** The guide's step 9: the two operators, a user without the role, an operator never enrolled; both log in. */
    private static HelpdeskFixture withOperators(KeycloakServer keycloak, GreenMailExtension mail, String realm) {
        HelpdeskAdminSetup setup = HelpdeskAdminSetup.of(keycloak.admin(), realm);
        setup.user(HelpdeskRealm.OPERATOR_ONE, HelpdeskRealm.OPERATOR_PASSWORD, true);
        setup.user(HelpdeskRealm.OPERATOR_TWO, HelpdeskRealm.OPERATOR_PASSWORD, true);
        setup.user(HelpdeskRealm.NOT_AN_OPERATOR, HelpdeskRealm.OPERATOR_PASSWORD, false);
        setup.user(HelpdeskRealm.OPERATOR_WITHOUT_OTP, HelpdeskRealm.OPERATOR_PASSWORD, true);
        return new HelpdeskFixture(keycloak, mail, realm,
                HelpdeskOperatorLogin.of(keycloak.baseUrl(), realm, HelpdeskRealm.OPERATOR_ONE, HelpdeskRealm.OPERATOR_PASSWORD),
                HelpdeskOperatorLogin.of(keycloak.baseUrl(), realm, HelpdeskRealm.OPERATOR_TWO, HelpdeskRealm.OPERATOR_PASSWORD));
    }

    String realmUrl() {
        return keycloak.realmUrl(realm);
    }

    /** A fresh e-mail address on the loopback SMTP server's domain. */
    static String newEmail(String who) {
        return who + "-" + USERS.incrementAndGet() + "-" + System.nanoTime() % 100000 + "@user.example";
    }

    /** Recorded by operator one: the record's JSON. */
    JsonNode recorded(Map<String, Object> proofing) {
        HelpdeskApi.Answer answer = one.post("/records", proofing);
        assertEquals(201, answer.status(), answer::toString);
        return answer.body();
    }

    /** Recorded by operator one, approved by operator two: the username and the activation code from the e-mail. */
    Activation issued(String email) {
        JsonNode record = recorded(Proofings.usPassport(email));
        HelpdeskApi.Answer approved = two.post("/records/" + record.path("id").asText() + "/approve", Map.of());
        assertEquals(200, approved.status(), approved::toString);
        return activationMail(email, record.path("id").asText());
    }

    /** The last activation e-mail sent to {@code email}. */
    Activation activationMail(String email, String recordId) {
        String body = lastMailTo(email);
        Matcher u = USERNAME.matcher(body);
        Matcher c = CODE.matcher(body);
        assertTrue(u.find() && c.find(), body);
        return new Activation(recordId, u.group(1), c.group(1), body);
    }

    String lastMailTo(String email) {
        try {
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                List<MimeMessage> to = java.util.Arrays.stream(mail.getReceivedMessages())
                        .filter(m -> recipient(m).equalsIgnoreCase(email)).toList();
                if (!to.isEmpty()) {
                    return text(to.get(to.size() - 1));
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no e-mail to " + email);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part (Keycloak's mail sender always sends multipart). */
    private static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return part.isMimeType("text/plain") ? String.valueOf(content) : null;
    }

    /** The subject of the last e-mail sent to {@code email}. */
    String lastSubjectTo(String email) {
        lastMailTo(email);
        try {
            List<MimeMessage> to = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(email)).toList();
            return to.get(to.size() - 1).getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak's brute-force record of a user ({@code numFailures}, {@code disabled}), as the admin sees it. */
    JsonNode bruteForce(String userId) {
        return keycloak.admin().get("/" + realm + "/attack-detection/brute-force/users/" + userId);
    }

    /**
     * The user's failure count once it is {@code expected}, or what it is after a few seconds: Keycloak records a
     * failed login in a transaction of its own, which may commit after the page has been answered.
     */
    int failuresOnceSettled(String userId, int expected) {
        int failures = bruteForce(userId).path("numFailures").asInt();
        for (int i = 0; i < 50 && failures != expected; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            failures = bruteForce(userId).path("numFailures").asInt();
        }
        return failures;
    }

    long mailsTo(String email) {
        return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(email)).count();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    /** The realm's users with this e-mail (as the admin sees them). */
    int usersWithEmail(String email) {
        return keycloak.admin().get("/" + realm + "/users?exact=true&email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)).size();
    }

    JsonNode adminEvents() {
        return keycloak.admin().get("/" + realm + "/admin-events?max=200");
    }

    JsonNode loginEvents() {
        return keycloak.admin().get("/" + realm + "/events?max=200");
    }

    record Activation(String recordId, String username, String code, String mailBody) {
    }

    @Override
    public void close() {
        keycloak.admin().deleteRealm(realm);
    }
}
